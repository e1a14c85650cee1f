package io.tabby.felix.it;

import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceParser;
import io.tabby.felix.Felix;
import io.tabby.felix.calc.FlowExplanation;
import io.tabby.felix.calc.PolicyModel;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import io.tabby.testkit.host.HostRequirements;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Kubernetes NetworkPolicies on the real kernel, each checked twice: by TCP connects between pods
 * in namespaces {@code a} and {@code b} (one node namespace, felix programming it from a real etcd),
 * and by {@link PolicyModel#explain}, the model {@code tabbyctl policy explain} prints, which must
 * agree with what the packets did. Namespaces, pods and policies go in as Kubernetes and Calico
 * YAML through the resource parser and client, as {@code tabbyctl apply} writes them.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FelixExplainIT {
    private static final String NODE = "node1";
    private static final String CLIENT = "10.66.1.1";
    private static final String OTHER = "10.66.1.2";
    private static final String WEB = "10.66.2.1";
    private static final String PEER = "10.66.2.2";
    private static final int TCP = 6;
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ProcessCommandRunner runner = new ProcessCommandRunner();
    private final PodNetwork pods = new PodNetwork(runner, "expl");
    private final ResourceParser parser = new ResourceParser();
    private final TcpProbe webListener = new TcpProbe(runner);
    private final TcpProbe otherListener = new TcpProbe(runner);
    private final Map<String, NetNs.Named> podByIp = new java.util.HashMap<>();
    private Backend backend;
    private ResourceClient resources;
    private Felix felix;

    @BeforeAll
    void start(EtcdServer etcd) {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("programming iptables in network namespaces");
        host.requirePrograms("apt-get install iproute2 iptables ipset python3 iputils-ping", "ip", "ipset", "python3", "ping",
                "iptables-nft-restore", "iptables-nft-save", "iptables-nft");
        try {
            NetNs.Named node = pods.newNode();
            StringBuilder yaml = new StringBuilder("""
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: a, labels: {team: alpha}}
                    ---
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: b, labels: {team: beta}}
                    """);
            yaml.append(pod(node, "a", "client", "cali1client", CLIENT));
            yaml.append(pod(node, "a", "other", "cali1other", OTHER));
            yaml.append(pod(node, "b", "web", "cali2web", WEB));
            yaml.append(pod(node, "b", "peer", "cali2peer", PEER));
            backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()));
            resources = new ResourceClient(backend);
            backend.put(poolKey("10.66.0.0-16"), pool("10.66.0.0/16", false));
            apply(yaml.toString());
            webListener.listen(podByIp.get(WEB), 80, 8080);
            otherListener.listen(podByIp.get(OTHER), 80);
            felix = ItFelix.start(backend, etcd, NODE, node, runner, Duration.ofSeconds(2));
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        ItFelix.stop(felix, backend);
        webListener.close();
        otherListener.close();
        pods.deleteAll();
    }

    /** A pod plumbed into {@code node} and its WorkloadEndpoint document. */
    private String pod(NetNs.Named node, String namespace, String name, String veth, String ip) {
        NetNs.Named pod = pods.plumbPod(node, name, veth, ip);
        podByIp.put(ip, pod);
        return """
                ---
                apiVersion: projectcalico.org/v3
                kind: WorkloadEndpoint
                metadata: {namespace: %s, labels: {app: %s}}
                spec: {orchestrator: k8s, node: %s, pod: %s, endpoint: eth0, ipNetworks: [%s/32],
                       profiles: [kns.%s], interfaceName: %s, mac: "%s"}
                """.formatted(namespace, name, NODE, name, ip, namespace, veth, pods.podMac(pod));
    }

    @Test
    @Order(1)
    void withoutPoliciesTheNamespaceProfilesLetEverythingThrough() {
        checkFlows(List.of(
                new Flow(CLIENT, WEB, 80, true),
                new Flow(OTHER, WEB, 8080, true),
                new Flow(PEER, OTHER, 80, true)));
        assertThat(model().explain(ip(CLIENT), ip(WEB), TCP, 80, null).ingress()).get()
                .satisfies(v -> assertThat(v.decidedBy() + " " + v.name()).isEqualTo("profile kns.b"));
    }

    @Test
    @Order(2)
    void podSelectorAndNamespaceSelectorOpenOnePortToOnePodOfOneNamespace() {
        apply("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: b}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{namespaceSelector: {matchLabels: {team: alpha}}, podSelector: {matchLabels: {app: client}}}]
                    ports: [{port: 80}]
                """);
        checkFlows(List.of(
                new Flow(CLIENT, WEB, 80, true),
                new Flow(CLIENT, WEB, 8080, false),
                new Flow(OTHER, WEB, 80, false),
                new Flow(PEER, WEB, 80, false),
                new Flow(PEER, OTHER, 80, true)));
        FlowExplanation allowed = model().explain(ip(CLIENT), ip(WEB), TCP, 80, null);
        assertThat(allowed.ingress()).get().satisfies(v -> {
            assertThat(v.name()).isEqualTo("b/knp.default.web");
            assertThat(v.ruleIndex()).isZero();
        });
        FlowExplanation ping = model().explain(ip(CLIENT), ip(WEB), 1, 0, 8);
        assertThat(ping.allowed()).as("explain: ping client -> web").isFalse();
        assertThat(pods.ping(podByIp.get(CLIENT), WEB)).as("ping client -> web").isFalse();
    }

    @Test
    @Order(3)
    void ipBlockAdmitsAddressesByCidr() {
        apply("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: b}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.66.2.0/24}}]
                    ports: [{port: 8080, protocol: TCP}]
                """);
        checkFlows(List.of(
                new Flow(PEER, WEB, 8080, true),
                new Flow(CLIENT, WEB, 8080, false),
                new Flow(PEER, WEB, 80, false)));
    }

    @Test
    @Order(4)
    void ipBlockWithExceptAdmitsTheBlockButNotTheException() {
        apply("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: b}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.66.0.0/16, except: [10.66.1.2/32]}}]
                    ports: [{port: 8080, protocol: TCP}]
                """);
        checkFlows(List.of(
                new Flow(CLIENT, WEB, 8080, true),
                new Flow(PEER, WEB, 8080, true),
                new Flow(OTHER, WEB, 8080, false),
                new Flow(CLIENT, WEB, 80, false)));
    }

    @Test
    @Order(5)
    void anEgressPolicyLimitsWhereAPodMayConnect() {
        delete("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: b}
                """);
        apply("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: client-out, namespace: a}
                spec:
                  podSelector: {matchLabels: {app: client}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{namespaceSelector: {matchLabels: {team: beta}}}]
                    ports: [{port: 80}]
                """);
        checkFlows(List.of(
                new Flow(CLIENT, WEB, 80, true),
                new Flow(CLIENT, WEB, 8080, false),
                new Flow(CLIENT, OTHER, 80, false),
                new Flow(OTHER, WEB, 8080, true)));
        assertThat(model().explain(ip(CLIENT), ip(OTHER), TCP, 80, null).egress()).get()
                .satisfies(v -> assertThat(v.decidedBy()).isEqualTo("default"));
    }

    private record Flow(String from, String to, int port, boolean allowed) {
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port + (allowed ? " allowed" : " denied");
        }
    }

    /**
     * The model (read from etcd as tabbyctl reads it) must give each flow the expected verdict, and
     * the packets must do the same once felix has programmed the change.
     */
    private void checkFlows(List<Flow> flows) {
        PolicyModel model = model();
        for (Flow flow : flows) {
            assertThat(model.explain(ip(flow.from()), ip(flow.to()), TCP, flow.port(), null).allowed())
                    .as("policy explain: %s", flow).isEqualTo(flow.allowed());
        }
        await().atMost(BOUND).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> wrong = new ArrayList<>();
            for (Flow flow : flows) {
                if (webListener.connects(podByIp.get(flow.from()), flow.to(), flow.port()) != flow.allowed()) {
                    wrong.add(flow.toString());
                }
            }
            assertThat(wrong).as("flows whose packets disagree with policy explain").isEmpty();
        });
    }

    private PolicyModel model() {
        return PolicyModel.of(backend.list("/calico/v1/").kvs().stream()
                .collect(Collectors.toMap(KeyValue::key, KeyValue::value)));
    }

    private void apply(String yaml) {
        List<Resource> parsed = parser.parse("explain-it.yaml", yaml);
        resources.apply(parsed, false);
    }

    private void delete(String yaml) {
        resources.delete(parser.parse("explain-it.yaml", yaml), false);
    }

    private static IpAddr ip(String text) {
        return IpAddr.parse(text);
    }
}
