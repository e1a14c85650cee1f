package io.tabby.node.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpPeerResource;
import io.tabby.datastore.resource.BgpPeerSpec;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.testing.InMemoryBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerExpansionTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private final ResourceClient resources = new ResourceClient(backend);

    @BeforeEach
    void topology() {
        PeerFixtures.node(resources, "rr-1", Map.of("route-reflector", "true"), "10.0.0.1/24", "244.0.0.1");
        PeerFixtures.node(resources, "node-2", Map.of(), "10.0.0.2/24", "");
        PeerFixtures.node(resources, "node-3", Map.of("zone", "b"), "10.0.0.3/24", "");
        backend.put("/calico/bgp/v1/host/rr-1/as_num", "65001");
        PeerFixtures.reflectorPeers(resources);
    }

    private List<String> peers(String node) {
        return backend.list("/calico/bgp/v1/host/" + node + "/peer_v4/").kvs().stream()
                .map(kv -> kv.key().substring(kv.key().lastIndexOf('/') + 1) + " " + kv.value()).toList();
    }

    @Test
    void routeReflectorTopologyExpandsOnEveryNode() {
        for (String node : List.of("rr-1", "node-2", "node-3")) {
            new PeerExpansion(backend, resources, node).reconcile();
        }
        assertThat(peers("node-2")).singleElement().asString()
                .startsWith("10.0.0.1 {\"ip\":\"10.0.0.1\",\"as_num\":\"65001\",\"rr_cluster_id\":\"244.0.0.1\"")
                .contains("\"tabby_expanded_from\":\"peer-with-route-reflectors\"");
        assertThat(peers("node-3")).singleElement().asString().startsWith("10.0.0.1 ");
        assertThat(peers("rr-1")).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("10.0.0.2 {\"ip\":\"10.0.0.2\","
                + "\"as_num\":\"64512\"")).anySatisfy(p -> assertThat(p).startsWith("10.0.0.3 "));
    }

    @Test
    void removesOnlyItsOwnKeysWhenTheyNoLongerApply() {
        backend.put("/calico/bgp/v1/host/node-2/peer_v4/10.9.9.9", "{\"ip\":\"10.9.9.9\",\"as_num\":\"65500\"}");
        PeerExpansion expansion = new PeerExpansion(backend, resources, "node-2");
        expansion.reconcile();
        assertThat(peers("node-2")).hasSize(2);

        PeerFixtures.node(resources, "rr-1", Map.of(), "10.0.0.1/24", "244.0.0.1");
        expansion.reconcile();
        assertThat(peers("node-2")).singleElement().asString().startsWith("10.9.9.9 ");
    }

    @Test
    void nodeSelectorWithPeerIpGivesOnePeerWithPortAndOptions() {
        resources.create(List.of(new BgpPeerResource(ResourceMetadata.named("tor"), new BgpPeerSpec("", "10.0.0.254:1179",
                Optional.of(new AsNumber(65100)), "zone == 'b'", "", true, Optional.empty(), "UseNodeIP",
                Optional.of(Duration.ofSeconds(120))))), false);
        new PeerExpansion(backend, resources, "node-3").reconcile();
        new PeerExpansion(backend, resources, "node-2").reconcile();
        assertThat(backend.get("/calico/bgp/v1/host/node-3/peer_v4/10.0.0.254").map(KeyValue::value).orElseThrow())
                .contains("\"as_num\":\"65100\"").contains("\"port\":1179").contains("\"keep_next_hop\":true")
                .contains("\"source_addr\":\"UseNodeIP\"").contains("\"restart_time\":\"120\"");
        assertThat(backend.get("/calico/bgp/v1/host/node-2/peer_v4/10.0.0.254")).isEmpty();
    }

    @Test
    void oneBgpPeerConfiguresBothEndsOfEachPeering() {
        // Calico's route-reflector recipe is the one BGPPeer; the reflector must still get its clients
        InMemoryBackend alone = new InMemoryBackend();
        ResourceClient client = new ResourceClient(alone);
        PeerFixtures.node(client, "rr-1", Map.of("route-reflector", "true"), "10.0.0.1/24", "244.0.0.1");
        PeerFixtures.node(client, "node-2", Map.of(), "10.0.0.2/24", "");
        PeerFixtures.node(client, "node-3", Map.of(), "10.0.0.3/24", "");
        client.create(List.of(PeerFixtures.selectorPeer("peer-with-route-reflectors", "all()",
                "route-reflector == 'true'")), false);
        for (String node : List.of("rr-1", "node-2", "node-3")) {
            new PeerExpansion(alone, client, node).reconcile();
        }
        assertThat(alone.list("/calico/bgp/v1/host/rr-1/peer_v4/").kvs()).extracting(KeyValue::key)
                .containsExactlyInAnyOrder("/calico/bgp/v1/host/rr-1/peer_v4/10.0.0.2",
                        "/calico/bgp/v1/host/rr-1/peer_v4/10.0.0.3");
        assertThat(alone.get("/calico/bgp/v1/host/rr-1/peer_v4/10.0.0.2").map(KeyValue::value).orElseThrow())
                .doesNotContain("rr_cluster_id").contains("\"tabby_expanded_from\":\"peer-with-route-reflectors\"");
        assertThat(alone.list("/calico/bgp/v1/host/node-2/peer_v4/").kvs()).extracting(KeyValue::key)
                .containsExactly("/calico/bgp/v1/host/node-2/peer_v4/10.0.0.1");
    }
}
