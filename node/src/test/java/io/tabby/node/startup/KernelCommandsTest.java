package io.tabby.node.startup;

import static io.tabby.platform.testing.RecordingCommandRunner.argvContains;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import io.tabby.platform.testing.RecordingCommandRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands the route lookup and the ipip probe run, and how they read the answers. */
class KernelCommandsTest {

    @Test
    void ipRouteGetReadsTheSourceField() {
        RecordingCommandRunner runner = new RecordingCommandRunner()
                .reply(argvContains(List.of("203.0.113.9")), 0,
                        "203.0.113.9 via 10.88.0.1 dev eth1 src 10.88.0.5 uid 0 \\    cache \n", "")
                .reply(argvContains(List.of("198.51.100.1")), 2, "", "RTNETLINK answers: Network is unreachable");
        IpRouteGet lookup = new IpRouteGet(runner);
        assertThat(lookup.sourceFor(NetNs.named("n1"), IpPrefix.parseAddress("203.0.113.9")))
                .contains(IpPrefix.parseAddress("10.88.0.5"));
        assertThat(runner.argvs().getFirst()).containsExactly("ip", "-n", "n1", "-o", "route", "get", "203.0.113.9");
        assertThat(lookup.sourceFor(NetNs.root(), IpPrefix.parseAddress("198.51.100.1"))).isEmpty();
    }

    @Test
    void ipipProbeAddsAndDeletesItsDeviceOrReportsTheRefusal() {
        FakeKernel kernel = new FakeKernel();
        RecordingCommandRunner works = new RecordingCommandRunner();
        assertThat(new KernelIpipProbe(kernel.linkOps(), works, NetNs.root()).available()).isTrue();
        assertThat(works.argvs()).containsExactly(List.of("ip", "link", "add", "tabby-ipprobe", "type", "ipip"),
                List.of("ip", "link", "delete", "tabby-ipprobe"));

        RecordingCommandRunner refuses = new RecordingCommandRunner()
                .reply(argvContains(List.of("add")), 2, "", "Error: Unknown device type.");
        assertThat(new KernelIpipProbe(kernel.linkOps(), refuses, NetNs.root()).available()).isFalse();
        assertThat(refuses.argvs()).hasSize(1);
    }

    @Test
    void reconcileLoopIgnoresWorkloadEndpointChurn() {
        assertThat(NodeReconcileLoop.relevant("/calico/v1/host/n1/workload/k8s/ns.pod/endpoint/eth0")).isFalse();
        assertThat(NodeReconcileLoop.relevant("/calico/v1/host/n1/metadata")).isTrue();
        assertThat(NodeReconcileLoop.relevant("/calico/v1/ipam/v4/pool/10.0.0.0-16")).isTrue();
        assertThat(NodeReconcileLoop.relevant("/calico/resources/v3/projectcalico.org/bgppeers/rr")).isTrue();
    }
}
