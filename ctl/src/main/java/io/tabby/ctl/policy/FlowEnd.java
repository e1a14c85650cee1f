package io.tabby.ctl.policy;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import java.util.Optional;

/**
 * One end of the flow: the address the packet carries and, when a workload endpoint holds it,
 * that endpoint.
 *
 * @param address the packet's address at this end
 * @param endpoint the endpoint holding it, empty for an address outside every endpoint
 */
public record FlowEnd(IpAddr address, Optional<EndpointRef> endpoint) {
    public FlowEnd {
        requireNonNull(address, "address is null");
        requireNonNull(endpoint, "endpoint is null");
    }

    /** {@code ns/name (address)} for an endpoint, the address otherwise. */
    public String describe() {
        return endpoint.map(ep -> ep.id() + " (" + address + ")").orElse(address.toString());
    }
}
