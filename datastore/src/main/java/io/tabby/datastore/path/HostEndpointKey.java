package io.tabby.datastore.path;

import io.tabby.datastore.model.HostEndpoint;

/**
 * {@code /calico/v1/host/<node>/endpoint/<endpoint>}; the endpoint id is escaped in the path.
 *
 * @param node the node name
 * @param endpoint the endpoint id
 */
public record HostEndpointKey(String node, String endpoint) implements Key<HostEndpoint> {
    public HostEndpointKey {
        Segments.requirePlain(node, "node name");
        Segments.requireText(endpoint, "endpoint");
    }
}
