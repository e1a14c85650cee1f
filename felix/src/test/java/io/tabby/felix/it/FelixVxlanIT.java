package io.tabby.felix.it;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.endpointWithMac;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.felix.Felix;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import io.tabby.testkit.host.HostRequirements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes (namespaces joined by a veth underlay, no routes to each other's pools) with one felix
 * each, in VXLAN mode: felix alone builds {@code vxlan.calico}, the VTEP neighbours and FDB entries
 * and the remote block routes, so pod-to-pod ping across nodes proves the whole tunnel; then a
 * default-deny policy on the receiving node stops it and an allow-all-ingress one restores it.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FelixVxlanIT {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String N1 = "felx-v1";
    private static final String N2 = "felx-v2";
    private static final String CONFIRMED = "{\"state\":\"confirmed\",\"deleted\":false}";

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final PodNetwork network = new PodNetwork(runner);
    private final List<Felix> felixes = new ArrayList<>();
    private NetNs.Named node1;
    private NetNs.Named node2;
    private NetNs.Named podA;
    private Backend backend;

    @BeforeAll
    void start(EtcdServer etcd) {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("building VXLAN tunnels in network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset iputils-ping", "ip", "bridge", "ipset", "ping",
                "iptables-nft-restore", "iptables-nft-save");
        try {
            node1 = network.newNode();
            node2 = network.newNode();
            network.run("ip", "-n", node1.name(), "link", "add", "felxu0", "type", "veth", "peer", "name", "felxu1",
                    "netns", node2.name());
            network.run("ip", "-n", node1.name(), "addr", "add", "198.51.100.1/24", "dev", "felxu0");
            network.run("ip", "-n", node2.name(), "addr", "add", "198.51.100.2/24", "dev", "felxu1");
            network.run("ip", "-n", node1.name(), "link", "set", "felxu0", "up");
            network.run("ip", "-n", node2.name(), "link", "set", "felxu1", "up");
            podA = network.plumbPod(node1, "va", "calia1", "10.65.1.1");
            NetNs.Named podC = network.plumbPod(node2, "vc", "calic1", "10.65.2.1");

            backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
            backend.put("/calico/v1/ipam/v4/pool/10.65.0.0-16", "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"\","
                    + "\"vxlan_mode\":\"always\",\"masquerade\":false,\"ipam\":true,\"disabled\":false}");
            backend.put(profileRulesKey("kns.default"), allowAllProfile());
            node(N1, "198.51.100.1", "10.65.1.0", "10.65.1.0-26");
            node(N2, "198.51.100.2", "10.65.2.0", "10.65.2.0-26");
            backend.put(endpointKey(N1, "default.a"), endpointWithMac("calia1", "10.65.1.1", network.podMac(podA),
                    Map.of("app", "a"), "kns.default"));
            backend.put(endpointKey(N2, "default.c"), endpointWithMac("calic1", "10.65.2.1", network.podMac(podC),
                    Map.of("app", "c"), "kns.default"));
            startFelix(etcd, N1, node1);
            startFelix(etcd, N2, node2);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        felixes.forEach(Felix::close);
        if (backend != null) {
            backend.close();
        }
        network.deleteAll();
    }

    @Test
    void podsOnTwoNodesPingThroughTheTunnelAndPolicyAppliesAcrossIt() {
        awaitPing("10.65.2.1", true);
        String link = network.run("ip", "-n", node1.name(), "-d", "link", "show", "vxlan.calico").stdout();
        assertThat(link).contains("vxlan id 4096", "dstport 4789", "mtu 1450");
        String routes = network.run("ip", "-n", node1.name(), "route", "show").stdout();
        assertThat(routes).contains("10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 onlink",
                "blackhole 10.65.1.0/26 proto 80");

        backend.put(policyKey("default-deny"), "{\"selector\":\"app == 'c'\",\"types\":[\"ingress\"]}");
        awaitPing("10.65.2.1", false);
        backend.put(policyKey("allow-all-ingress"), "{\"order\":1,\"inbound_rules\":[{\"action\":\"allow\","
                + "\"src_selector\":\"app == 'a'\"}],\"selector\":\"app == 'c'\",\"types\":[\"ingress\"]}");
        awaitPing("10.65.2.1", true);
    }

    private void node(String name, String ip, String tunnel, String block) {
        backend.put("/calico/v1/host/" + name + "/bird_ip", ip);
        backend.put("/calico/v1/host/" + name + "/config/IPv4VXLANTunnelAddr", tunnel);
        backend.put("/calico/ipam/v2/host/" + name + "/ipv4/block/" + block, CONFIRMED);
    }

    private void startFelix(EtcdServer etcd, String name, NetNs.Named ns) {
        felixes.add(ItFelix.start(backend, etcd, name, ns, runner, Duration.ofSeconds(90)));
    }

    private void awaitPing(String to, boolean answered) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(network.ping(podA, to)).as("ping a -> %s answered", to)
                        .isEqualTo(answered));
    }
}
