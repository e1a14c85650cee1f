package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.testing.InMemoryBackend;
import org.junit.jupiter.api.Test;

/** Node-specific peer keys a node agent derived from a selector-based BGPPeer are not resources. */
class ExpandedPeerVisibilityTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final ResourceClient client = new ResourceClient(backend);

    @Test
    void onlyHandWrittenNodePeersAreListed() {
        backend.put("/calico/bgp/v1/host/node-a/peer_v4/10.0.0.1", "{\"ip\":\"10.0.0.1\",\"as_num\":\"64512\"}");
        backend.put("/calico/bgp/v1/host/node-a/peer_v4/10.0.0.2",
                "{\"ip\":\"10.0.0.2\",\"as_num\":\"64512\",\"tabby_expanded_from\":\"to-reflectors\"}");

        assertThat(client.list(ResourceKind.BGP_PEER).items()).extracting(r -> ((BgpPeerResource) r).spec().peerIP())
                .containsExactly("10.0.0.1");
    }
}
