package io.tabby.felix.it;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.dualStackEndpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.felix.Felix;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import io.tabby.testkit.host.HostRequirements;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seed demo on dual-stack pods, on the real kernel: felix programs the /32 and /128 routes,
 * proxy_ndp, and the same policy in iptables and ip6tables, so a default-deny ingress policy stops
 * ping and ping6 alike and an allow-all-ingress one brings both back.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FelixPolicy6IT {
    private static final String NODE = "fel6-node1";
    private static final String IP_A = "10.66.1.1";
    private static final String IP_B = "10.66.1.2";
    private static final String IP6_A = "fd00:66::1";
    private static final String IP6_B = "fd00:66::2";
    private static final Duration REFRESH = Duration.ofSeconds(2);
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final PodNetwork network = new PodNetwork(runner, "fel6");
    private NetNs.Named node;
    private NetNs.Named podA;
    private NetNs.Named podB;
    private Backend backend;
    private Felix felix;

    @BeforeAll
    void start(EtcdServer etcd) {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("programming ip6tables in network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset iputils-ping", "ip", "ipset", "ping",
                "iptables-nft-restore", "iptables-nft-save", "ip6tables-nft-restore", "ip6tables-nft-save");
        try {
            node = network.newNode();
            new LinuxSysctlOps(runner).write(node, Map.of("net.ipv6.conf.all.forwarding", "1"));
            podA = network.plumbPod(node, "pa", "cali6a1", IP_A);
            podB = network.plumbPod(node, "pb", "cali6b2", IP_B);
            network.addIpv6(node, podA, "cali6a1", IP6_A);
            network.addIpv6(node, podB, "cali6b2", IP6_B);
            backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
            backend.put(poolKey("10.66.0.0-16"), pool("10.66.0.0/16", false));
            backend.put("/calico/v1/ipam/v6/pool/fd00:66::-64", pool("fd00:66::/64", false));
            backend.put(profileRulesKey("kns.default"), allowAllProfile());
            backend.put(endpointKey(NODE, "default.a"), dualStackEndpoint("cali6a1", IP_A, IP6_A,
                    Map.of("app", "a"), "kns.default").replace("0a:58:0a:41:01:02", network.podMac(podA)));
            backend.put(endpointKey(NODE, "default.b"), dualStackEndpoint("cali6b2", IP_B, IP6_B,
                    Map.of("app", "b"), "kns.default").replace("0a:58:0a:41:01:02", network.podMac(podB)));
            felix = ItFelix.start(backend, etcd, NODE, node, runner, REFRESH);
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
    @Order(1)
    void dualStackPodsPingThroughTheNamespaceProfile() {
        awaitPing(podA, IP6_B, true);
        awaitPing(podB, IP6_A, true);
        awaitPing(podA, IP_B, true);
        String routes = network.run("ip", "-6", "-n", node.name(), "route", "show").stdout();
        assertThat(routes).contains(IP6_A + " dev cali6a1", IP6_B + " dev cali6b2");
        String proxyNdp = network.run("ip", "netns", "exec", node.name(), "sysctl", "-n",
                "net.ipv6.conf.cali6a1.proxy_ndp").stdout().strip();
        assertThat(proxyNdp).isEqualTo("1");
        String sets = network.run("ip", "netns", "exec", node.name(), "ipset", "save").stdout();
        assertThat(sets).contains("create cali60all-ipam-pools hash:net family inet6", "add cali60all-ipam-pools fd00:66::/64");
    }

    @Test
    @Order(2)
    void defaultDenyIngressBlocksPingAndPing6AndAllowAllRestoresBoth() {
        backend.put(policyKey("default-deny"), "{\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}");
        awaitPing(podA, IP6_B, false);
        awaitPing(podA, IP_B, false);
        assertThat(network.ping(podB, IP6_A)).as("pod a has no policy, its profile still allows ping6").isTrue();

        backend.put(policyKey("allow-all-ingress"),
                "{\"order\":1,\"inbound_rules\":[{\"action\":\"allow\"}],\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}");
        awaitPing(podA, IP6_B, true);
        awaitPing(podA, IP_B, true);
        String saved = network.run("ip", "netns", "exec", node.name(), "ip6tables-nft-save", "-t", "filter").stdout();
        assertThat(saved).contains("-A cali-pi-allow-all-ingress", "-A cali-wl-to-host")
                .contains("-s " + IP6_A + "/128");
    }

    @Test
    @Order(3)
    void aSelectorRuleMatchesTheSourcesIpv6Address() {
        backend.put(policyKey("allow-all-ingress"), "{\"order\":1,\"inbound_rules\":[{\"action\":\"allow\","
                + "\"src_selector\":\"app == 'a'\",\"ip_version\":6}],\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}");
        awaitPing(podA, IP_B, false);
        awaitPing(podA, IP6_B, true);
        String members = network.run("ip", "netns", "exec", node.name(), "ipset", "save").stdout();
        assertThat(members).containsPattern("add cali60s:\\S+ " + IP6_A.replace(":", "\\:"));
    }

    private void awaitPing(NetNs.Named from, String to, boolean answered) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(network.ping(from, to))
                        .as("ping %s -> %s answered", from.name(), to).isEqualTo(answered));
    }
}
