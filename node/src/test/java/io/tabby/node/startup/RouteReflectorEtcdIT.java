package io.tabby.node.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.datastore.resource.NodeBgpSpec;
import io.tabby.datastore.resource.NodeResource;
import io.tabby.datastore.resource.NodeSpec;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start-up of three nodes against a real etcd, then a route-reflector topology made only of
 * labels and two selector BGPPeers: each node's reconcile loop writes its own peer keys, and a
 * node that joins later is picked up by the reflector through the etcd watch.
 */
@RealEtcd
class RouteReflectorEtcdIT {
    private Backend backend;
    private final List<NodeReconcileLoop> loops = new ArrayList<>();

    @BeforeEach
    void connect(EtcdServer etcd) {
        backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3)));
        await().atMost(Duration.ofSeconds(30)).ignoreException(UnavailableException.class)
                .until(() -> backend.currentRevision() > 0);
    }

    @AfterEach
    void close() {
        loops.forEach(NodeReconcileLoop::close);
        backend.close();
    }

    private StartupTestBed start(String node, String address) {
        StartupTestBed bed = new StartupTestBed(backend, node, address);
        bed.startup(Map.of("TABBY_IPV4POOL_IPIP", "Never", "TABBY_IPV4POOL_VXLAN", "Always")).run();
        NodeReconcileLoop loop = new NodeReconcileLoop(backend, bed.peers(), bed.tunnels());
        loops.add(loop);
        loop.start(Duration.ofMinutes(10));
        return bed;
    }

    private List<String> peerIps(String node) {
        return backend.list("/calico/bgp/v1/host/" + node + "/peer_v4/").kvs().stream()
                .map(kv -> kv.key().substring(kv.key().lastIndexOf('/') + 1)).sorted().toList();
    }

    @Test
    void selectorPeersBecomeEachNodesOwnKeys(EtcdServer etcd) {
        StartupTestBed rr = start("rr-1", "10.0.0.1/24");
        start("node-2", "10.0.0.2/24");
        start("node-3", "10.0.0.3/24");
        assertThat(etcd.etcdctl("get", "/calico/v1/Ready", "--print-value-only").strip()).isEqualTo("true");
        assertThat(etcd.etcdctl("get", "/calico/bgp/v1/host/node-2/ip_addr_v4", "--print-value-only").strip())
                .isEqualTo("10.0.0.2");
        assertThat(rr.value("/calico/v1/host/rr-1/config/IPv4VXLANTunnelAddr")).startsWith("192.168.");

        NodeResource current = (NodeResource) rr.resources.get(ResourceKind.NODE, "rr-1");
        NodeBgpSpec bgp = current.spec().bgp().orElseThrow();
        rr.resources.apply(List.of(new NodeResource(
                new ResourceMetadata("rr-1", Map.of("route-reflector", "true"), Map.of(), ""),
                new NodeSpec(Optional.of(new NodeBgpSpec(bgp.asNumber(), bgp.ipv4Address(), bgp.ipv6Address(),
                        bgp.ipv4IPIPTunnelAddr(), "244.0.0.1")), current.spec().ipv4VXLANTunnelAddr(),
                        current.spec().vxlanTunnelMACAddr(), current.spec().orchRefs()))), false);
        PeerFixtures.reflectorPeers(rr.resources);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(peerIps("rr-1")).containsExactly("10.0.0.2", "10.0.0.3");
            assertThat(peerIps("node-2")).containsExactly("10.0.0.1");
            assertThat(peerIps("node-3")).containsExactly("10.0.0.1");
        });
        assertThat(rr.value("/calico/bgp/v1/host/node-2/peer_v4/10.0.0.1"))
                .contains("\"as_num\":\"64512\"").contains("\"rr_cluster_id\":\"244.0.0.1\"");
        assertThat(backend.list("/calico/bgp/v1/global/peer_v4/").kvs()).isEmpty();

        start("node-4", "10.0.0.4/24");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(peerIps("rr-1")).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");
            assertThat(peerIps("node-4")).containsExactly("10.0.0.1");
        });

        // either BGPPeer alone configures both ends (calico/node's semantics): one removed, nothing changes
        rr.resources.delete(ResourceKind.BGP_PEER, "rr-to-clients", false);
        rr.resources.delete(ResourceKind.BGP_PEER, "peer-with-route-reflectors", false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(peerIps("rr-1")).isEmpty();
            assertThat(peerIps("node-2")).isEmpty();
        });
    }

    @Test
    void nodesStartingTogetherCreateTheDefaultPoolOnce() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 1; i <= 3; i++) {
            StartupTestBed bed = new StartupTestBed(backend, "together-" + i, "10.1.0." + i + "/24");
            threads.add(Thread.ofPlatform().name("start-" + i).start(() -> {
                try {
                    bed.startup(Map.of()).run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
            assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(backend.list("/calico/v1/ipam/v4/pool/").kvs()).singleElement()
                .satisfies(kv -> assertThat(kv.key()).endsWith("192.168.0.0-16"));
        // One tunnel address each (IPIP or VXLAN, whichever mode the class's single pool has).
        assertThat(backend.list("/calico/ipam/v2/handle/").kvs())
                .filteredOn(kv -> kv.key().contains("-tunnel-addr-together-")).hasSize(3);
    }

    @Test
    void startUpGivesUpOnAnUnreachableEtcdAfterTheBoundedWait() {
        try (Backend nowhere = EtcdBackend.connect(EtcdSettings.of(List.of("http://127.0.0.1:1"))
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)))) {
            StartupTestBed bed = new StartupTestBed(nowhere, "lost", "10.0.0.9/24");
            StartupAgent agent = new StartupAgent(nowhere, bed.startup(Map.of()), bed.peers(), bed.tunnels());
            assertThatThrownBy(() -> agent.runStartup(Duration.ofSeconds(2)))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("etcd is unreachable").hasMessageContaining("ETCD_ENDPOINTS");
        }
    }
}
