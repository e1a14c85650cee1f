package io.tabby.datastore.path;

import io.tabby.datastore.model.EndpointStatus;

/**
 * {@code /calico/felix/v1/host/<node>/endpoint/<endpoint>}: Felix's report on a host endpoint.
 *
 * @param node the node name
 * @param endpoint the endpoint id
 */
public record HostEndpointStatusKey(String node, String endpoint) implements Key<EndpointStatus> {
    public HostEndpointStatusKey {
        Segments.requirePlain(node, "node name");
        Segments.requireText(endpoint, "endpoint");
    }
}
