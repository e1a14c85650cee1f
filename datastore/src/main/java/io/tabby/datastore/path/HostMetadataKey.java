package io.tabby.datastore.path;

import io.tabby.datastore.model.HostMetadata;

/**
 * {@code /calico/v1/host/<node>/metadata}: the node's primary record.
 *
 * @param node the node name
 */
public record HostMetadataKey(String node) implements Key<HostMetadata> {
    public HostMetadataKey {
        Segments.requirePlain(node, "node name");
    }
}
