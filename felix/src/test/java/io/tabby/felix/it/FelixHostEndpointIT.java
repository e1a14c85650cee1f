package io.tabby.felix.it;

import static io.tabby.felix.testing.V1Json.hostEndpoint;
import static io.tabby.felix.testing.V1Json.hostEndpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.felix.Felix;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A host endpoint on the real kernel: a node namespace whose interface {@code fxfhep0} faces a
 * client namespace. With a deny-everything ingress policy on the node's host endpoint, TCP to the
 * node's port 8080 is dropped while the failsafe port 2379 still answers; removing the host
 * endpoint opens 8080 again.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FelixHostEndpointIT {
    private static final String NODE = "fxf-node1";
    private static final String IFACE = "fxfhep0";
    private static final String NODE_IP = "192.0.2.1";
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final PodNetwork network = new PodNetwork(runner, "fxf");
    private final TcpProbe probe = new TcpProbe(runner);
    private NetNs.Named node;
    private NetNs.Named client;
    private Backend backend;
    private Felix felix;

    @BeforeAll
    void start(EtcdServer etcd) {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("programming iptables in network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset python3", "ip", "ipset", "python3",
                "iptables-nft-restore", "iptables-nft-save", "iptables-nft");
        try {
            node = network.newNode();
            client = network.newNamespace("client");
            LinuxLinkOps links = new LinuxLinkOps(runner);
            links.createVeth(node, IFACE, "eth0", client);
            LinuxAddrOps addrs = new LinuxAddrOps(runner);
            addrs.add(node, List.of(new Address(IFACE, IpPrefix.parse(NODE_IP + "/24"))));
            addrs.add(client, List.of(new Address("eth0", IpPrefix.parse("192.0.2.2/24"))));
            links.setUp(node, IFACE);
            links.setUp(client, "eth0");
            links.setUp(client, "lo");
            probe.listen(node, 2379, 8080);
            backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
            felix = ItFelix.start(backend, etcd, NODE, node, runner, Duration.ofSeconds(2));
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        probe.close();
        ItFelix.stop(felix, backend);
        network.deleteAll();
    }

    @Test
    void denyPolicyOnTheHostEndpointKeepsTheFailsafePortOpen() {
        await().atMost(BOUND).until(() -> probe.connects(client, NODE_IP, 8080));
        assertThat(probe.connects(client, NODE_IP, 2379)).isTrue();

        backend.put(policyKey("host-deny"), "{\"inbound_rules\":[{\"action\":\"deny\"}],"
                + "\"outbound_rules\":[{\"action\":\"deny\"}],\"selector\":\"role == 'node'\","
                + "\"types\":[\"ingress\",\"egress\"]}");
        backend.put(hostEndpointKey(NODE, IFACE), hostEndpoint(IFACE, NODE_IP, Map.of("role", "node")));
        await().atMost(BOUND).until(() -> !probe.connects(client, NODE_IP, 8080));
        assertThat(probe.connects(client, NODE_IP, 2379)).as("tcp 2379 is a failsafe inbound port").isTrue();
        String saved = network.run("ip", "netns", "exec", node.name(), "iptables-nft-save", "-t", "filter").stdout();
        assertThat(saved).contains("-A cali-from-host-endpoint -i " + IFACE, "-A cali-fh-" + IFACE,
                "-j cali-pi-host-deny");

        String key = hostEndpointKey(NODE, IFACE);
        backend.delete(key, backend.get(key).orElseThrow().modRevision());
        await().atMost(BOUND).until(() -> probe.connects(client, NODE_IP, 8080));
    }
}
