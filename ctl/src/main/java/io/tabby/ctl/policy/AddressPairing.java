package io.tabby.ctl.policy;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import java.util.List;

/**
 * Picks the packet's two addresses: one family for both ends, IPv4 when both ends have it, the
 * endpoint's first address of that family.
 */
final class AddressPairing {
    private AddressPairing() {}

    /** The source and destination, in that order. */
    static List<FlowEnd> pair(String fromText, EndpointDirectory.Named from, String toText, EndpointDirectory.Named to) {
        for (IpFamily family : List.of(IpFamily.V4, IpFamily.V6)) {
            List<IpAddr> sources = from.candidates(family);
            List<IpAddr> destinations = to.candidates(family);
            if (!sources.isEmpty() && !destinations.isEmpty()) {
                return List.of(new FlowEnd(sources.getFirst(), from.endpoint()),
                        new FlowEnd(destinations.getFirst(), to.endpoint()));
            }
        }
        throw new CtlException("--from " + fromText + " and --to " + toText
                + " have no address family in common (one is IPv4 only, the other IPv6 only); pick ends of one family");
    }
}
