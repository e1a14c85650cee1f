package io.tabby.felix.dataplane;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.dualStackEndpoint;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteProtocols;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IPv6 half of the dataplane on a fake kernel: sysctls, /128 route ownership, ip6tables drift. */
class Dataplane6Test {
    private static final List<String> IFACES = List.of("calia1", "calib2");
    private static final Map<String, String> STATE = Map.of(
            profileRulesKey("kns.default"), allowAllProfile(),
            policyKey("deny-b"), "{\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}",
            endpointKey("node1", "default.a"), dualStackEndpoint("calia1", "10.65.1.1", "fd00:65::1",
                    Map.of("app", "a"), "kns.default"),
            endpointKey("node1", "default.b"), endpoint("calib2", "10.65.1.2", Map.of("app", "b"), "kns.default"));

    @Test
    void aDualStackInterfaceGetsProxyNdpAndIpv6Forwarding() {
        FakeFelix felix = new FakeFelix(IFACES).apply(STATE);
        var sysctls = felix.fakeKernel().sysctlOps();
        assertThat(sysctls.read(FakeFelix.NS, "net.ipv6.conf.calia1.proxy_ndp")).isEqualTo("1");
        assertThat(sysctls.read(FakeFelix.NS, "net.ipv6.conf.calia1.forwarding")).isEqualTo("1");
        assertThat(sysctls.read(FakeFelix.NS, "net.ipv4.conf.calia1.proxy_arp")).isEqualTo("1");
        assertThat(felix.fakeKernel().deltas()).extracting(d -> d.operation() + " " + d.subject())
                .contains("sysctl net.ipv6.conf.calia1.proxy_ndp=1")
                .as("an IPv4-only interface gets no IPv6 settings").noneMatch(d -> d.contains("net.ipv6.conf.calib2"));
    }

    @Test
    void onlyDualStackEndpointsAndWhatTheyUseAreInTheIpv6Table() {
        var kernel = new FakeFelix(IFACES).apply(STATE).kernel();
        assertThat(kernel.chains()).containsKeys("filter6/cali-tw-calia1", "filter6/cali-pri-kns.default",
                "filter/cali-tw-calib2", "filter/cali-pi-deny-b")
                .doesNotContainKeys("filter6/cali-tw-calib2", "filter6/cali-pi-deny-b");
    }

    @Test
    void staleOwnedIpv6RoutesGoAndForeignOnesStay() {
        FakeFelix felix = new FakeFelix(IFACES);
        var kernel = felix.fakeKernel();
        kernel.linkOps().createVeth(FakeFelix.NS, "eth1", "peer1", FakeFelix.NS);
        kernel.routeOps().replace(FakeFelix.NS, List.of(
                Route.toDevice("fd00:65::99/128", "calib2", RouteProtocols.BOOT),
                Route.toDevice("2001:db8::/64", "eth1", RouteProtocols.BOOT)));

        felix.apply(STATE);

        assertThat(felix.kernel().routes()).contains("fd00:65::1/128 dev calia1 proto 3 scope UNIVERSE",
                "2001:db8::/64 dev eth1 proto 3 scope UNIVERSE").noneMatch(r -> r.startsWith("fd00:65::99"));
    }

    @Test
    void aResyncRestoresAnIp6tablesChainEmptiedBehindFelixsBack() {
        FakeFelix felix = new FakeFelix(IFACES).apply(STATE);
        var expected = felix.kernel();
        IptablesOps iptables = felix.fakeKernel().iptablesOps(IptablesBackend.NFT);
        iptables.restore(FakeFelix.NS, IpFamily.V6, "*filter\n-F cali-fw-calia1\n-D INPUT 1\nCOMMIT\n");
        assertThat(felix.kernel()).isNotEqualTo(expected);

        felix.dataplane().markResync();
        felix.dataplane().apply();
        assertThat(felix.kernel()).isEqualTo(expected);
    }
}
