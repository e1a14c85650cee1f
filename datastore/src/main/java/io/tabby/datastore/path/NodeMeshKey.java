package io.tabby.datastore.path;

import io.tabby.datastore.model.NodeMesh;

/** {@code /calico/bgp/v1/global/node_mesh}: {@code {"enabled":true}}. */
public record NodeMeshKey() implements Key<NodeMesh> {}
