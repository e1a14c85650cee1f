package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import io.tabby.felix.testing.FakeFelix.KernelState;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Link;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IPIP on the fake platform (this kernel has no ipip device, so no real-kernel test can show it):
 * a pool with {@code ipip: tunl0} gives {@code tunl0} this node's {@code IpInIpTunnelAddr}, routes
 * the other nodes' blocks {@code via <node ip> dev tunl0 onlink}, and lets IPIP packets in only from
 * the nodes in {@code all-hosts-net}. Every step converges like any other state sequence.
 */
class IpipStateTest extends SequenceConvergenceTests {
    private static final String POOL_KEY = "/calico/v1/ipam/v4/pool/10.65.0.0-16";
    static final String IPIP_POOL = "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"tunl0\",\"ipip_mode\":\"always\","
            + "\"masquerade\":false,\"ipam\":true,\"disabled\":false}";
    static final String CONFIRMED = "{\"state\":\"confirmed\",\"deleted\":false}";

    private static final Map<String, String> S1 = Map.of(POOL_KEY, IPIP_POOL,
            "/calico/v1/host/node1/bird_ip", "198.51.100.1", "/calico/v1/host/node2/bird_ip", "198.51.100.2",
            "/calico/v1/host/node1/config/IpInIpTunnelAddr", "10.65.1.1");
    private static final Map<String, String> S2 = with(S1, Map.of(affinity("node1", "10.65.1.0-26"), CONFIRMED,
            affinity("node2", "10.65.2.0-26"), CONFIRMED, affinity("node2", "10.65.2.64-26"), "{}"));
    private static final Map<String, String> S3 = with(S2, Map.of("/calico/v1/host/node1/config/IpInIpTunnelAddr",
            "10.65.1.2"));
    private static final Map<String, String> S4 = with(S3, Map.of("/calico/v1/host/node2/bird_ip", "198.51.100.22"));
    private static final Map<String, String> S5 = with(S4, Map.of(POOL_KEY,
            IPIP_POOL.replace("\"ipip\":\"tunl0\",\"ipip_mode\":\"always\"", "\"ipip\":\"\"")));

    @Override
    List<String> interfaces() {
        return List.of();
    }

    @Override
    List<Map<String, String>> sequence() {
        return List.of(S1, S2, S3, S4, S5);
    }

    @Test
    void tunl0CarriesTheTunnelAddressAndRemoteBlocks() {
        FakeFelix felix = new FakeFelix(List.of()).apply(S2);
        Link tunl0 = felix.fakeKernel().linkOps().get(FakeFelix.NS, "tunl0").orElseThrow();
        assertThat(tunl0.kind()).isEqualTo("ipip");
        assertThat(tunl0.mtu()).isEqualTo(1440);
        assertThat(tunl0.up()).isTrue();
        KernelState kernel = felix.kernel();
        assertThat(kernel.vxlan()).containsExactly("tunl0 addr 10.65.1.1/32");
        assertThat(kernel.routes()).as("own blocks have no blackhole: BIRD's static protocol adds those with IPIP")
                .containsExactly("10.65.2.0/26 via 198.51.100.2 dev tunl0 proto 80 scope UNIVERSE onlink",
                        "10.65.2.64/26 via 198.51.100.2 dev tunl0 proto 80 scope UNIVERSE onlink");
        assertThat(run(List.of(S4)).routes()).containsExactly(
                "10.65.2.0/26 via 198.51.100.22 dev tunl0 proto 80 scope UNIVERSE onlink",
                "10.65.2.64/26 via 198.51.100.22 dev tunl0 proto 80 scope UNIVERSE onlink");
    }

    @Test
    void besideBirdTheTunnelIsSetUpButBgpRoutesTheBlocks() {
        FakeFelix felix = FakeFelix.leavingIpipRoutesToBgp(List.of()).apply(S2);
        assertThat(felix.kernel().vxlan()).containsExactly("tunl0 addr 10.65.1.1/32");
        assertThat(felix.kernel().routes()).as("BIRD installs them with krt_tunnel = tunl0").isEmpty();
        assertThat(felix.kernel().ipsets().get("cali40all-hosts-net")).isNotEmpty();
    }

    @Test
    void ipipIsAcceptedOnlyFromClusterNodes() {
        KernelState kernel = run(List.of(S1));
        assertThat(kernel.ipsets().get("cali40all-hosts-net")).containsExactly("198.51.100.1/32", "198.51.100.2/32");
        assertThat(String.join("\n", kernel.chain("filter/cali-INPUT"))).containsSubsequence(
                "-p 4 -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL -j ACCEPT",
                "-p 4 -j DROP");
        assertThat(String.join("\n", kernel.chain("filter/cali-OUTPUT")))
                .contains("-p 4 -m set --match-set cali40all-hosts-net dst -m addrtype --src-type LOCAL -j ACCEPT");
        assertThat(kernel.chain("filter6/cali-INPUT")).noneMatch(rule -> rule.contains("-p 4"));
    }

    @Test
    void wrongSourcePacketsLeavingTheTunnelAreMasqueraded() {
        assertThat(run(List.of(S1)).chain("nat/cali-POSTROUTING")).anySatisfy(rule -> assertThat(rule).contains(
                "-o tunl0 -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL -j MASQUERADE"));
        Map<String, String> noAddress = without(S1, "/calico/v1/host/node1/config/IpInIpTunnelAddr");
        assertThat(run(List.of(noAddress)).chain("nat/cali-POSTROUTING")).noneMatch(rule -> rule.contains("tunl0"));
        assertThat(run(List.of(S5)).chain("nat/cali-POSTROUTING")).noneMatch(rule -> rule.contains("tunl0"));
    }

    @Test
    void turningIpipOffTakesItAllBackButLeavesTheDevice() {
        FakeFelix felix = new FakeFelix(List.of()).apply(S4).apply(S5);
        KernelState kernel = felix.kernel();
        assertThat(kernel.routes()).isEmpty();
        assertThat(kernel.vxlan()).isEmpty();
        assertThat(kernel.ipsets()).doesNotContainKey("cali40all-hosts-net");
        assertThat(String.join("\n", kernel.chain("filter/cali-INPUT"))).doesNotContain("-p 4");
        assertThat(felix.fakeKernel().linkOps().get(FakeFelix.NS, "tunl0")).isPresent();
        assertThat(felix.fakeKernel().addrOps().list(FakeFelix.NS, IpFamily.V4))
                .noneMatch(a -> a.device().equals("tunl0"));
    }

    static String affinity(String node, String block) {
        return "/calico/ipam/v2/host/" + node + "/ipv4/block/" + block;
    }
}
