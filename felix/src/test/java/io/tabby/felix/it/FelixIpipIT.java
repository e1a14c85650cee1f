package io.tabby.felix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.felix.Felix;
import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import io.tabby.testkit.host.HostRequirements;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * IPIP on the real kernel: felix accepts IPIP packets only from the nodes in {@code all-hosts-net}
 * (whatever the kernel's tunnel support), and where the kernel has an {@code ipip} device it gives
 * {@code tunl0} the node's tunnel address and routes the other node's block {@code via <node ip>
 * dev tunl0 onlink}. Kernels without IPIP support (the one Tabby is developed on, see DESIGN.md) cannot show
 * this; the test then skips and says so, and {@code io.tabby.felix.calc.IpipStateTest} covers IPIP
 * on the fake platform. This skip is a kernel capability, not a missing tool, so it is not turned
 * into a failure by {@code TABBY_REQUIRE_ALL}.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FelixIpipIT {
    private static final String NODE = "fxf-ipip1";
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final PodNetwork network = new PodNetwork(runner, "fxf");
    private NetNs.Named node;
    private Backend backend;
    private Felix felix;

    @BeforeAll
    void start(EtcdServer etcd) {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("creating tunnel devices in network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset", "ip", "ipset", "iptables-nft-restore",
                "iptables-nft-save");
        try {
            node = network.newNode();
            NetNs.Named peer = network.newNamespace("peer");
            LinuxLinkOps links = new LinuxLinkOps(runner);
            links.createVeth(node, "fxfund0", "eth0", peer);
            new LinuxAddrOps(runner).add(node, List.of(new Address("fxfund0", IpPrefix.parse("198.51.100.1/24"))));
            links.setUp(node, "fxfund0");
            backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
            backend.put("/calico/v1/ipam/v4/pool/10.65.0.0-16", IpipPool.JSON);
            backend.put("/calico/v1/host/" + NODE + "/bird_ip", "198.51.100.1");
            backend.put("/calico/v1/host/" + NODE + "/config/IpInIpTunnelAddr", "10.65.1.1");
            backend.put("/calico/v1/host/fxf-ipip2/bird_ip", "198.51.100.2");
            backend.put("/calico/ipam/v2/host/fxf-ipip2/ipv4/block/10.65.2.0-26", "{\"state\":\"confirmed\"}");
            felix = ItFelix.start(backend, etcd, NODE, node, runner, Duration.ofSeconds(90));
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        ItFelix.stop(felix, backend);
        network.deleteAll();
    }

    @Test
    void ipipIsAcceptedOnlyFromClusterNodesWithOrWithoutTheDevice() {
        await().atMost(BOUND).untilAsserted(() -> assertThat(network.run("ip", "netns", "exec", node.name(),
                "iptables-nft-save", "-t", "filter").stdout()).contains(
                        "\"Allow IPIP packets from Calico hosts\" -m set --match-set cali40all-hosts-net src"
                                + " -m addrtype --dst-type LOCAL -j ACCEPT",
                        "\"Drop IPIP packets from non-Calico hosts\" -j DROP"));
        assertThat(network.run("ip", "netns", "exec", node.name(), "ipset", "list", "cali40all-hosts-net").stdout())
                .contains("198.51.100.1", "198.51.100.2");
    }

    @Test
    void tunl0HoldsTheTunnelAddressAndRoutesTheOtherNodesBlock() {
        // A per-test skip: one in @BeforeAll would be reported as no test at all.
        NetNs.Named probeNs = network.newNamespace("probe");
        CommandResult probe = runner.run(Command.of(List.of("ip", "-n", probeNs.name(), "link", "add", "name",
                "fxfprobe", "type", "ipip")));
        Assumptions.assumeTrue(probe.exitCode() == 0, () -> "skipped: this kernel has no ipip device (ip link add"
                + " type ipip: " + probe.stderr().strip() + "); IPIP is tested on the fake platform by IpipStateTest");
        await().atMost(BOUND).untilAsserted(() -> assertThat(network.run("ip", "-n", node.name(), "route", "show")
                .stdout()).contains("10.65.2.0/26 via 198.51.100.2 dev tunl0 proto 80 onlink"));
        assertThat(network.run("ip", "-n", node.name(), "addr", "show", "tunl0").stdout()).contains("10.65.1.1/32");
    }

    /** The pool, as calico/node writes an IPIP pool. */
    private static final class IpipPool {
        static final String JSON = "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"tunl0\",\"ipip_mode\":\"always\","
                + "\"masquerade\":false,\"ipam\":true,\"disabled\":false}";
    }
}
