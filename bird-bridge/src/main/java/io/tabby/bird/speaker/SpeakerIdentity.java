package io.tabby.bird.speaker;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * What a speaker is for its whole life, read from the configuration: router id, AS and route
 * reflection cluster id (the RIB is built around them). A reconfiguration may not change them.
 *
 * @param routerId {@code router id}, as a 32-bit number
 * @param localAs the {@code local as} every BGP protocol shares (64512 when there is none)
 * @param clusterId {@code rr cluster id} if any protocol sets it, else the router id
 */
record SpeakerIdentity(int routerId, long localAs, int clusterId) {

    /**
     * @throws IllegalArgumentException naming what to fix: no router id, protocols with different
     *     local ASes or cluster ids (Tabby runs one RIB, hence one AS, per speaker)
     */
    static SpeakerIdentity of(BirdConfig config) {
        int routerId = SessionConfigs.ipv4(config.routerId().orElseThrow(() -> new IllegalArgumentException(
                "the configuration has no 'router id': add 'router id A.B.C.D;'")));
        List<BgpProtocol> bgp = config.bgpProtocols();
        return new SpeakerIdentity(routerId, localAs(bgp), clusterId(bgp, routerId));
    }

    private static long localAs(List<BgpProtocol> bgp) {
        if (bgp.isEmpty()) {
            return 64512;
        }
        long as = bgp.getFirst().localAs();
        for (BgpProtocol protocol : bgp) {
            if (protocol.localAs() != as) {
                throw new IllegalArgumentException("protocol " + protocol.name() + " has local as " + protocol.localAs()
                        + " but protocol " + bgp.getFirst().name() + " has " + as
                        + "; Tabby runs one AS per speaker: use the same 'local as' everywhere");
            }
        }
        return as;
    }

    private static int clusterId(List<BgpProtocol> bgp, int routerId) {
        Optional<Inet4Address> found = Optional.empty();
        for (BgpProtocol protocol : bgp) {
            if (protocol.rrClusterId().isPresent()) {
                if (found.isPresent() && !found.equals(protocol.rrClusterId())) {
                    throw new IllegalArgumentException("protocol " + protocol.name() + " has rr cluster id "
                            + protocol.rrClusterId().get().getHostAddress() + " but another protocol has "
                            + found.get().getHostAddress() + "; use one cluster id per speaker");
                }
                found = protocol.rrClusterId();
            }
        }
        return found.map(SessionConfigs::ipv4).orElse(routerId);
    }
}
