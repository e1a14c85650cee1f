package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import io.tabby.felix.testing.FakeFelix.KernelState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** VXLAN state sequences on the fake kernel, converging like the policy sequences do. */
class VxlanStateTest {
    private static final String POOL_KEY = "/calico/v1/ipam/v4/pool/10.65.0.0-16";
    private static final String VXLAN_POOL = "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"\",\"vxlan_mode\":\"always\","
            + "\"masquerade\":false,\"ipam\":true,\"disabled\":false}";
    private static final String CONFIRMED = "{\"state\":\"confirmed\",\"deleted\":false}";

    private static final Map<String, String> V1 = merge(Map.of(POOL_KEY, VXLAN_POOL), node("node1", "198.51.100.1",
            "10.65.1.0", "66:00:00:00:00:01"), node("node2", "198.51.100.2", "10.65.2.0", "66:00:00:00:00:02"),
            Map.of(affinity("node1", "10.65.1.0-26"), CONFIRMED, affinity("node2", "10.65.2.0-26"), CONFIRMED,
                    affinity("node2", "10.65.2.64-26"), "{}"));
    private static final Map<String, String> V2 = merge(V1, node("node3", "198.51.100.3", "10.65.3.0", null),
            Map.of(affinity("node3", "10.65.3.0-26"), CONFIRMED,
                    affinity("node3", "10.66.0.0-26"), CONFIRMED,
                    affinity("node3", "10.65.3.64-26"), "{\"state\":\"pending\",\"deleted\":false}"));
    private static final Map<String, String> V3 = without(V2, "/calico/v1/host/node2/config/IPv4VXLANTunnelAddr");
    private static final Map<String, String> V4 = merge(V3, Map.of(POOL_KEY,
            "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false}"));
    private static final List<Map<String, String>> SEQUENCE = List.of(V1, V2, V3, V4);

    @Test
    void remoteBlocksGoThroughTheTunnelAndOwnBlocksAreBlackholed() {
        KernelState kernel = new FakeFelix(List.of()).apply(V1).kernel();
        assertThat(kernel.vxlan()).containsExactly("addr 10.65.1.0/32", "fdb 66:00:00:00:00:02 dst 198.51.100.2",
                "link vxlan 66:00:00:00:00:01 mtu 1450 up", "neigh 10.65.2.0 lladdr 66:00:00:00:00:02");
        assertThat(kernel.routes()).containsExactly(
                "10.65.2.0/26 via 10.65.2.0 dev vxlan.calico proto 80 scope UNIVERSE onlink",
                "10.65.2.64/26 via 10.65.2.0 dev vxlan.calico proto 80 scope UNIVERSE onlink",
                "blackhole 10.65.1.0/26 dev - proto 80 scope UNIVERSE");
    }

    @Test
    void aBlackholeFollowsTheAffinityOfThisNode() {
        Map<String, String> pending = merge(V1, Map.of(affinity("node1", "10.65.1.0-26"),
                "{\"state\":\"pending\",\"deleted\":false}"));
        assertThat(new FakeFelix(List.of()).apply(V1).apply(pending).kernel().routes())
                .noneMatch(r -> r.startsWith("blackhole"));
        Map<String, String> second = merge(V1, Map.of(affinity("node1", "10.65.1.64-26"), CONFIRMED));
        assertThat(new FakeFelix(List.of()).apply(second).kernel().routes()).contains(
                "blackhole 10.65.1.0/26 dev - proto 80 scope UNIVERSE", "blackhole 10.65.1.64/26 dev - proto 80 scope UNIVERSE");
    }

    @Test
    void vxlanIsAcceptedOnlyFromClusterNodes() {
        KernelState kernel = new FakeFelix(List.of()).apply(V1).kernel();
        assertThat(kernel.ipsets().get("cali40all-vxlan-net")).containsExactly("198.51.100.1/32", "198.51.100.2/32");
        assertThat(String.join("\n", kernel.chain("filter/cali-INPUT"))).containsSubsequence(
                "--destination-ports 4789 -m set --match-set cali40all-vxlan-net src -m addrtype --dst-type LOCAL -j ACCEPT",
                "--destination-ports 4789 -m addrtype --dst-type LOCAL -j DROP");
        KernelState without = new FakeFelix(List.of()).apply(V4).kernel();
        assertThat(without.ipsets()).doesNotContainKey("cali40all-vxlan-net");
        assertThat(String.join("\n", without.chain("filter/cali-INPUT"))).doesNotContain("4789");
    }

    @Test
    void onlyConfirmedBlocksOfVxlanPoolsOfNodesWithATunnel() {
        KernelState kernel = new FakeFelix(List.of()).apply(V3).kernel();
        assertThat(kernel.routes()).containsExactly(
                "10.65.3.0/26 via 10.65.3.0 dev vxlan.calico proto 80 scope UNIVERSE onlink",
                "blackhole 10.65.1.0/26 dev - proto 80 scope UNIVERSE");
        assertThat(kernel.vxlan()).contains("neigh 10.65.3.0 lladdr " + VxlanCalculator.derivedMac("node3"));
    }

    @Test
    void withoutAVxlanPoolTheDeviceGoes() {
        KernelState kernel = new FakeFelix(List.of()).apply(V1).apply(V4).kernel();
        assertThat(kernel.vxlan()).isEmpty();
        assertThat(kernel.routes()).isEmpty();
    }

    @Test
    void sequencesForwardReversedAndWithEmptyStates() {
        runAndCompare(SEQUENCE);
        runAndCompare(SEQUENCE.reversed());
        List<Map<String, String>> withEmpty = new ArrayList<>();
        SEQUENCE.forEach(state -> {
            withEmpty.add(Map.of());
            withEmpty.add(state);
        });
        runAndCompare(withEmpty);
        runAndCompare(List.of(V3, V1, V4, V2));
    }

    @Test
    void derivedMacIsLocallyAdministeredUnicast() {
        assertThat(VxlanCalculator.derivedMac("node3")).startsWith("66:").hasSize(17)
                .isEqualTo(VxlanCalculator.derivedMac("node3")).isNotEqualTo(VxlanCalculator.derivedMac("node4"));
    }

    private static void runAndCompare(List<Map<String, String>> states) {
        FakeFelix felix = new FakeFelix(List.of());
        for (Map<String, String> state : states) {
            felix.apply(state);
            assertThat(felix.kernel()).as("kernel after %s", state.keySet())
                    .isEqualTo(new FakeFelix(List.of()).apply(state).kernel());
        }
    }

    private static Map<String, String> node(String node, String ip, String tunnel, String mac) {
        Map<String, String> keys = new HashMap<>();
        keys.put("/calico/v1/host/" + node + "/bird_ip", ip);
        keys.put("/calico/v1/host/" + node + "/config/IPv4VXLANTunnelAddr", tunnel);
        if (mac != null) {
            keys.put("/calico/v1/host/" + node + "/config/VXLANTunnelMACAddr", mac);
        }
        return keys;
    }

    private static String affinity(String node, String block) {
        return "/calico/ipam/v2/host/" + node + "/ipv4/block/" + block;
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... parts) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> part : parts) {
            all.putAll(part);
        }
        return Map.copyOf(all);
    }

    private static Map<String, String> without(Map<String, String> base, String key) {
        Map<String, String> all = new HashMap<>(base);
        all.remove(key);
        return Map.copyOf(all);
    }
}
