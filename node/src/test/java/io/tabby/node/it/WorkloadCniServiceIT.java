package io.tabby.node.it;

import static io.tabby.node.it.NodeAgentFixture.endpointPath;
import static io.tabby.node.it.NodeAgentFixture.handlePath;
import static io.tabby.node.it.NodeAgentFixture.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import io.tabby.node.it.NodeAgentFixture.Outcome;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The tabby plugin driven exactly as a container runtime drives it (environment + stdin, CNI_NETNS
 * pointing at a pod namespace) against the node agent's CNI service on the real kernel and a real
 * etcd. The agent's "host" is a node namespace the test makes, never the root namespace.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkloadCniServiceIT {
    private final NodeAgentFixture agent = new NodeAgentFixture();

    @BeforeAll
    void startAgent(EtcdServer etcd) throws IOException {
        agent.start(etcd);
    }

    @AfterAll
    void stopAgent() throws IOException {
        agent.close();
    }

    @Test
    void twoPodsPingEachOtherThroughTheNodeAndDelIsIdempotent() {
        String pod1 = agent.host.newNamespace("pod1");
        String pod2 = agent.host.newNamespace("pod2");

        Outcome add1 = agent.plugin("ADD", "c-one", pod1, "web-1");
        Outcome add2 = agent.plugin("ADD", "c-two", pod2, "web-2");
        assertThat(add1.exitCode()).as(add1.stdout()).isZero();
        assertThat(add2.exitCode()).as(add2.stdout()).isZero();

        String ip2 = add2.address();
        assertThat(agent.host.tryRun(List.of("ip", "netns", "exec", pod1, "ping", "-c1", "-W1", ip2)).succeeded())
                .as("pod1 pings pod2 at %s through the node", ip2).isTrue();
        assertThat(agent.backend().get(endpointPath("web-1"))).isPresent();

        for (int i = 0; i < 3; i++) {
            Outcome del = agent.plugin("DEL", "c-one", pod1, "web-1");
            assertThat(del.exitCode()).as("DEL #%d: %s", i + 1, del.stdout()).isZero();
        }
        assertThat(agent.backend().get(endpointPath("web-1"))).isEmpty();
        assertThat(agent.backend().get(handlePath("c-one"))).isEmpty();
        assertThat(agent.links.get(agent.nodeNs(), veth("web-1"))).isEmpty();
        assertThat(agent.links.get(NetNs.named(pod1), "eth0")).isEmpty();
        assertThat(agent.plugin("DEL", "c-two", pod2, "web-2").exitCode()).isZero();
    }

    @Test
    void delAfterThePodNamespaceIsGoneSucceeds() {
        String pod = agent.host.newNamespace("gone");
        Outcome add = agent.plugin("ADD", "c-gone", pod, "web-gone");
        assertThat(add.exitCode()).as(add.stdout()).isZero();

        agent.host.run("ip", "netns", "del", pod);
        Outcome del = agent.plugin("DEL", "c-gone", pod, "web-gone");

        assertThat(del.exitCode()).as(del.stdout()).isZero();
        assertThat(agent.backend().get(handlePath("c-gone"))).isEmpty();
        assertThat(agent.backend().get(endpointPath("web-gone"))).isEmpty();
        assertThat(agent.links.get(agent.nodeNs(), veth("web-gone"))).isEmpty();
    }

    @Test
    void addThatFailsAfterAllocationLeavesNothingBehind() {
        String pod = agent.host.newNamespace("busy");
        // An eth0 already in the pod makes the veth creation fail after IPAM assigned the address.
        agent.host.run("ip", "-n", pod, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0peer");

        Outcome add = agent.plugin("ADD", "c-busy", pod, "web-busy");

        assertThat(add.exitCode()).isNotZero();
        assertThat(add.stdout()).contains("\"code\":999").contains("kernel operation failed");
        assertThat(agent.backend().get(handlePath("c-busy"))).isEmpty();
        assertThat(agent.backend().list("/calico/ipam/v2/handle/").kvs())
                .noneMatch(kv -> kv.key().endsWith("c-busy"));
        assertThat(agent.backend().get(endpointPath("web-busy"))).isEmpty();
        assertThat(agent.links.get(agent.nodeNs(), veth("web-busy"))).isEmpty();
    }

    @Test
    void checkFailsOnceTheHostVethIsDeleted() {
        String pod = agent.host.newNamespace("check");
        Outcome add = agent.plugin("ADD", "c-check", pod, "web-check");
        assertThat(add.exitCode()).as(add.stdout()).isZero();

        Outcome healthy = agent.plugin("CHECK", "c-check", pod, "web-check", add.stdout());
        assertThat(healthy.exitCode()).as(healthy.stdout()).isZero();
        agent.host.run("ip", "-n", ((NetNs.Named) agent.nodeNs()).name(), "link", "del",
                veth("web-check"));
        Outcome broken = agent.plugin("CHECK", "c-check", pod, "web-check", add.stdout());

        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.stdout()).contains("\"code\":101").contains("is missing");
        assertThat(agent.plugin("DEL", "c-check", pod, "web-check").exitCode()).isZero();
    }

    @Test
    void dualStackPodsPingEachOtherOverIpv6ThroughTheNode() {
        String pod1 = agent.host.newNamespace("cnif-v6a");
        String pod2 = agent.host.newNamespace("cnif-v6b");
        String dualStack = "{\"type\":\"tabby-ipam\",\"assign_ipv6\":\"true\"}";

        Outcome add1 = agent.pluginWith("ADD", "c-six-1", pod1, "six-1", dualStack, "");
        Outcome add2 = agent.pluginWith("ADD", "c-six-2", pod2, "six-2", dualStack, "");
        assertThat(add1.exitCode()).as(add1.stdout()).isZero();
        assertThat(add2.exitCode()).as(add2.stdout()).isZero();

        String ip6 = add2.address6();
        assertThat(NodeAgentFixture.POOL_V6.contains(Cidr.parse(ip6 + "/128"))).isTrue();
        assertThat(agent.host.tryRun(List.of("ip", "netns", "exec", pod1, "ping", "-6", "-c1", "-W2", ip6))
                .succeeded()).as("pod1 pings pod2 at %s through the node", ip6).isTrue();
        assertThat(agent.host.tryRun(List.of("ip", "netns", "exec", pod1, "ping", "-c1", "-W1", add2.address()))
                .succeeded()).as("and over IPv4 too").isTrue();
        assertThat(agent.backend().get(endpointPath("six-2")).orElseThrow().value())
                .contains("\"ipv6_nets\":[\"" + ip6 + "/128\"]");

        Outcome check = agent.pluginWith("CHECK", "c-six-1", pod1, "six-1", dualStack,
                ",\"prevResult\":" + add1.stdout().strip());
        assertThat(check.exitCode()).as(check.stdout()).isZero();
        assertThat(agent.plugin("DEL", "c-six-1", pod1, "six-1").exitCode()).isZero();
        assertThat(agent.plugin("DEL", "c-six-2", pod2, "six-2").exitCode()).isZero();
        assertThat(agent.links.get(agent.nodeNs(), veth("six-2"))).isEmpty();
    }
}
