package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * The node-to-node mesh switch at {@code /calico/bgp/v1/global/node_mesh}:
 * {@code {"enabled":true}}. An absent key means enabled.
 *
 * @param enabled {@code enabled}
 * @param unknown fields Tabby does not model
 */
public record NodeMesh(boolean enabled, UnknownFields unknown) {

    public NodeMesh {
        requireNonNull(unknown, "unknown is null");
    }

    public NodeMesh(boolean enabled) {
        this(enabled, UnknownFields.NONE);
    }
}
