package io.tabby.felix.it;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.endpointWithMac;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.host.HostRequirements;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A CrossSubnet VXLAN pool on the real kernel: two nodes on one subnet (a veth underlay) route each
 * other's blocks directly via the node IP, unencapsulated, and pods ping across; without the
 * nodes' {@code network_v4} the same blocks go through {@code vxlan.calico} and ping still works.
 * felix's syncer does not watch {@code /calico/bgp/v1/host/} yet, so the calculation graph is fed
 * directly ({@link DirectFelix}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FelixCrossSubnetIT {
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String CONFIRMED = "{\"state\":\"confirmed\",\"deleted\":false}";

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final PodNetwork network = new PodNetwork(runner, "fxf");
    private NetNs.Named node1;
    private NetNs.Named node2;
    private NetNs.Named podA;
    private NetNs.Named podC;

    @BeforeAll
    void start() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("routing between network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset iputils-ping", "ip", "bridge", "ipset", "ping",
                "iptables-nft-restore", "iptables-nft-save");
        node1 = network.newNode();
        node2 = network.newNode();
        network.run("ip", "-n", node1.name(), "link", "add", "fxfu0", "type", "veth", "peer", "name", "fxfu1",
                "netns", node2.name());
        network.run("ip", "-n", node1.name(), "addr", "add", "198.51.100.1/24", "dev", "fxfu0");
        network.run("ip", "-n", node2.name(), "addr", "add", "198.51.100.2/24", "dev", "fxfu1");
        network.run("ip", "-n", node1.name(), "link", "set", "fxfu0", "up");
        network.run("ip", "-n", node2.name(), "link", "set", "fxfu1", "up");
        podA = network.plumbPod(node1, "xa", "calia1", "10.65.1.1");
        podC = network.plumbPod(node2, "xc", "calic1", "10.65.2.1");
    }

    @AfterAll
    void stop() {
        network.deleteAll();
    }

    @Test
    void sameSubnetNodesRouteDirectlyAndFallBackToTheTunnelWithoutASubnet() {
        Map<String, String> cluster = cluster(true);
        DirectFelix felix1 = new DirectFelix("fxf-x1", node1, runner);
        DirectFelix felix2 = new DirectFelix("fxf-x2", node2, runner);
        felix1.apply(cluster);
        felix2.apply(cluster);
        assertThat(routes(node1)).contains("10.65.2.0/26 via 198.51.100.2 dev fxfu0 proto 80")
                .doesNotContain("10.65.2.0/26 via 10.65.2.0 dev vxlan.calico");
        awaitPing(podA, "10.65.2.1");
        awaitPing(podC, "10.65.1.1");

        Map<String, String> withoutSubnets = cluster(false);
        felix1.apply(withoutSubnets);
        felix2.apply(withoutSubnets);
        assertThat(routes(node1)).contains("10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 onlink")
                .doesNotContain("dev fxfu0 proto 80");
        awaitPing(podA, "10.65.2.1");
    }

    private Map<String, String> cluster(boolean subnets) {
        Map<String, String> keys = new HashMap<>();
        keys.put("/calico/v1/ipam/v4/pool/10.65.0.0-16", "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"\","
                + "\"vxlan_mode\":\"cross-subnet\",\"masquerade\":false,\"ipam\":true,\"disabled\":false}");
        keys.put(profileRulesKey("kns.default"), allowAllProfile());
        String[][] nodes = {{"fxf-x1", "198.51.100.1", "10.65.1"}, {"fxf-x2", "198.51.100.2", "10.65.2"}};
        for (String[] node : nodes) {
            keys.put("/calico/v1/host/" + node[0] + "/bird_ip", node[1]);
            keys.put("/calico/v1/host/" + node[0] + "/config/IPv4VXLANTunnelAddr", node[2] + ".0");
            keys.put("/calico/ipam/v2/host/" + node[0] + "/ipv4/block/" + node[2] + ".0-26", CONFIRMED);
            if (subnets) {
                keys.put("/calico/bgp/v1/host/" + node[0] + "/network_v4", "198.51.100.0/24");
            }
        }
        keys.put(endpointKey("fxf-x1", "default.a"), endpointWithMac("calia1", "10.65.1.1", network.podMac(podA),
                Map.of("app", "a"), "kns.default"));
        keys.put(endpointKey("fxf-x2", "default.c"), endpointWithMac("calic1", "10.65.2.1", network.podMac(podC),
                Map.of("app", "c"), "kns.default"));
        return keys;
    }

    private String routes(NetNs.Named node) {
        return network.run("ip", "-n", node.name(), "route", "show").stdout();
    }

    private void awaitPing(NetNs.Named from, String to) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(network.ping(from, to)).as("ping -> %s answered", to).isTrue());
    }
}
