package io.tabby.felix.dataplane;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.IptablesTable;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.testing.KernelDelta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataplaneTest {
    private static final List<String> IFACES = List.of("calia1", "calib2");
    private static final Map<String, String> STATE = Map.of(
            poolKey("10.65.0.0-16"), pool("10.65.0.0/16", true),
            profileRulesKey("kns.default"), allowAllProfile(),
            policyKey("deny-b"), "{\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}",
            endpointKey("node1", "default.a"), endpoint("calia1", "10.65.1.1", Map.of("app", "a"), "kns.default"),
            endpointKey("node1", "default.b"), endpoint("calib2", "10.65.1.2", Map.of("app", "b"), "kns.default"));

    @Test
    void nothingTouchesTheKernelBeforeInSync() {
        FakeFelix felix = new FakeFelix(IFACES);
        felix.fakeKernel().clearDeltas();
        felix.dataplane().onMessage(new io.tabby.felix.api.DataplaneMessage.IpSetRemove("s:x"));
        assertThat(felix.dataplane().apply()).isFalse();
        assertThat(felix.fakeKernel().deltas()).isEmpty();
    }

    @Test
    void aRestartedFelixRecognisesItsOwnObjectsAndRewritesNothing() {
        FakeFelix first = new FakeFelix(IFACES).apply(STATE);
        first.fakeKernel().clearDeltas();
        FakeFelix restarted = new FakeFelix(first.fakeKernel()).apply(STATE);
        assertThat(restarted.fakeKernel().deltas()).extracting(KernelDelta::operation)
                .allMatch(op -> op.equals("sysctl"), "only interface sysctls are written again");
        assertThat(restarted.kernel()).isEqualTo(first.kernel());
    }

    @Test
    void aResyncRestoresAChainEmptiedBehindFelixsBack() {
        FakeFelix felix = new FakeFelix(IFACES).apply(STATE);
        var expected = felix.kernel();
        IptablesOps iptables = felix.fakeKernel().iptablesOps(IptablesBackend.NFT);
        iptables.restore(FakeFelix.NS, IpFamily.V4, "*filter\n-F cali-tw-calib2\n-D FORWARD 1\nCOMMIT\n");
        felix.fakeKernel().ipsetOps().restore(FakeFelix.NS, "flush cali40masq-ipam-pools\n");
        felix.fakeKernel().neighOps().delete(FakeFelix.NS, List.of(Neighbour.of("calia1", "10.65.1.1",
                "0a:58:0a:41:01:02")));
        assertThat(felix.kernel()).isNotEqualTo(expected);

        felix.dataplane().markResync();
        felix.dataplane().apply();
        assertThat(felix.kernel()).isEqualTo(expected);
    }

    @Test
    void staleOwnedObjectsGoAndForeignOnesStay() {
        FakeFelix felix = new FakeFelix(IFACES);
        var kernel = felix.fakeKernel();
        IptablesOps iptables = kernel.iptablesOps(IptablesBackend.NFT);
        iptables.restore(FakeFelix.NS, IpFamily.V4, "*filter\n:cali-pi-old - [0:0]\n:KUBE-FOO - [0:0]\n"
                + "-A cali-pi-old -m comment --comment \"cali:aaaaaaaaaaaaaaaa\" -j DROP\n-A KUBE-FOO -j ACCEPT\nCOMMIT\n");
        kernel.ipsetOps().restore(FakeFelix.NS, "create cali40s:old hash:ip\ncreate kube-set hash:ip\n");
        kernel.linkOps().createVeth(FakeFelix.NS, "eth1", "peer1", FakeFelix.NS);
        kernel.routeOps().replace(FakeFelix.NS, List.of(
                Route.toDevice("10.65.9.9/32", "calia1", RouteProtocols.BOOT),
                Route.toDevice("192.0.2.0/24", "eth1", RouteProtocols.BOOT)));

        felix.apply(STATE);

        String filter = iptables.save(FakeFelix.NS, IpFamily.V4, IptablesTable.FILTER);
        assertThat(filter).doesNotContain("cali-pi-old").contains(":KUBE-FOO", "-A KUBE-FOO -j ACCEPT");
        assertThat(kernel.ipsetOps().listNames(FakeFelix.NS)).doesNotContain("cali40s:old").contains("kube-set");
        assertThat(felix.kernel().routes()).contains("192.0.2.0/24 dev eth1 proto 3 scope LINK")
                .noneMatch(r -> r.startsWith("10.65.9.9"));
    }

    @Test
    void aRouteWaitsForItsInterface() {
        FakeFelix felix = new FakeFelix(List.of("calia1"));
        felix.apply(STATE);
        assertThat(felix.kernel().routes()).containsExactly("10.65.1.1/32 dev calia1 proto 3 scope LINK");
        felix.fakeKernel().addNamespace(io.tabby.platform.net.NetNs.named("pod-late"));
        felix.fakeKernel().linkOps().createVeth(FakeFelix.NS, "calib2", "eth0",
                io.tabby.platform.net.NetNs.named("pod-late"));
        assertThat(felix.dataplane().apply()).isFalse();
        assertThat(felix.kernel().routes()).contains("10.65.1.2/32 dev calib2 proto 3 scope LINK");
    }
}
