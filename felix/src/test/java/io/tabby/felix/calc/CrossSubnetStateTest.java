package io.tabby.felix.calc;

import static io.tabby.felix.calc.IpipStateTest.CONFIRMED;
import static io.tabby.felix.calc.IpipStateTest.affinity;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CrossSubnet pools on the fake platform: a remote node whose IP lies in this node's
 * {@code network_v4} (node1's {@code ens3} holds 198.51.100.1/24) gets its blocks routed directly
 * {@code via <node ip>} on that interface, unencapsulated; a node on another subnet goes through the
 * tunnel, as does everyone while this node's subnet is unknown. Always-mode pools ignore subnets.
 */
class CrossSubnetStateTest extends SequenceConvergenceTests {
    private static final String POOL_KEY = "/calico/v1/ipam/v4/pool/10.65.0.0-16";
    private static final String VXLAN_CROSS = "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"\",\"vxlan_mode\":\"cross-subnet\","
            + "\"masquerade\":false,\"ipam\":true,\"disabled\":false}";
    private static final String IPIP_CROSS = "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"tunl0\",\"ipip_mode\":\"cross-subnet\","
            + "\"masquerade\":false,\"ipam\":true,\"disabled\":false}";
    private static final String NETWORK = "/calico/bgp/v1/host/node1/network_v4";

    private static final Map<String, String> NODES = nodes();
    private static final Map<String, String> S1 = with(NODES, Map.of(POOL_KEY, VXLAN_CROSS));
    private static final Map<String, String> S2 = with(S1, Map.of(NETWORK, "198.51.100.0/24"));
    private static final Map<String, String> S3 = with(S2, Map.of("/calico/v1/host/node2/bird_ip", "203.0.113.2"));
    private static final Map<String, String> S4 = with(S3, Map.of(POOL_KEY, IPIP_CROSS,
            "/calico/v1/host/node2/bird_ip", "198.51.100.2"));
    private static final Map<String, String> S5 = with(S4, Map.of(POOL_KEY, VXLAN_CROSS.replace("cross-subnet", "always")));

    @Override
    List<String> interfaces() {
        return List.of();
    }

    @Override
    List<Map<String, String>> sequence() {
        return List.of(S1, S2, S3, S4, S5);
    }

    @Test
    void sameSubnetNodesAreRoutedDirectlyOthersThroughVxlan() {
        assertThat(run(List.of(S2)).routes()).containsExactly(
                "10.65.2.0/26 via 198.51.100.2 dev ens3 proto 80 scope UNIVERSE",
                "10.65.3.0/26 via 10.65.3.0 dev vxlan.calico proto 80 scope UNIVERSE onlink",
                "blackhole 10.65.1.0/26 dev - proto 80 scope UNIVERSE");
    }

    @Test
    void withoutThisNodesSubnetEverythingGoesThroughTheTunnel() {
        assertThat(run(List.of(S1)).routes()).containsExactly(
                "10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 scope UNIVERSE onlink",
                "10.65.3.0/26 via 10.65.3.0 dev vxlan.calico proto 80 scope UNIVERSE onlink",
                "blackhole 10.65.1.0/26 dev - proto 80 scope UNIVERSE");
        assertThat(run(List.of(S3)).routes()).contains(
                "10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 scope UNIVERSE onlink");
    }

    @Test
    void ipipCrossSubnetRoutesTheSameWay() {
        assertThat(run(List.of(S4)).routes()).containsExactly(
                "10.65.2.0/26 via 198.51.100.2 dev ens3 proto 80 scope UNIVERSE",
                "10.65.3.0/26 via 203.0.113.3 dev tunl0 proto 80 scope UNIVERSE onlink");
    }

    @Test
    void alwaysModeIgnoresTheSubnet() {
        assertThat(run(List.of(S5)).routes()).contains(
                "10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 scope UNIVERSE onlink");
    }

    @Test
    void aMovedNodeSwitchesBetweenDirectAndTunnel() {
        FakeFelix felix = new FakeFelix(List.of()).apply(S2).apply(S3);
        assertThat(felix.kernel().routes()).contains(
                "10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 scope UNIVERSE onlink")
                .noneMatch(r -> r.contains("dev ens3"));
    }

    private static Map<String, String> nodes() {
        Map<String, String> keys = new HashMap<>();
        String[][] nodes = {{"node1", "198.51.100.1", "10.65.1.0"}, {"node2", "198.51.100.2", "10.65.2.0"},
                {"node3", "203.0.113.3", "10.65.3.0"}};
        for (String[] node : nodes) {
            keys.put("/calico/v1/host/" + node[0] + "/bird_ip", node[1]);
            keys.put("/calico/v1/host/" + node[0] + "/config/IPv4VXLANTunnelAddr", node[2]);
            keys.put(affinity(node[0], node[2] + "-26"), CONFIRMED);
        }
        return Map.copyOf(keys);
    }
}
