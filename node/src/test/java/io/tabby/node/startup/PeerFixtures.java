package io.tabby.node.startup;

import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nodes and selector peers of a route-reflector topology, written through the resource client. */
final class PeerFixtures {
    private PeerFixtures() {
    }

    static void node(ResourceClient resources, String name, Map<String, String> labels, String ipv4,
            String clusterId) {
        resources.apply(List.of(new NodeResource(new ResourceMetadata(name, labels, Map.of(), ""),
                NodeSpec.ofBgp(new NodeBgpSpec(Optional.empty(), ipv4, "", "", clusterId)))), false);
    }

    /**
     * Every node peers with the reflectors, and reflectors with every client: the second BGPPeer is
     * redundant (the first configures both ends) but common in clusters set up by hand.
     */
    static void reflectorPeers(ResourceClient resources) {
        resources.create(List.of(
                selectorPeer("peer-with-route-reflectors", "all()", "route-reflector == 'true'"),
                selectorPeer("rr-to-clients", "route-reflector == 'true'", "!has(route-reflector)")), false);
    }

    static BgpPeerResource selectorPeer(String name, String nodeSelector, String peerSelector) {
        return new BgpPeerResource(ResourceMetadata.named(name), new BgpPeerSpec("", "", Optional.empty(),
                nodeSelector, peerSelector, false, Optional.empty(), "", Optional.empty()));
    }
}
