package io.tabby.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.node.bgpstatus.BgpStatusKeys;
import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import io.tabby.testkit.host.HostRequirements;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two all-in-one {@code tabby-node}s (start-up, CNI, felix, confd, bird-bridge for IPv4 and IPv6 in
 * one JVM each) in namespaces on a bridge, on a real etcd: they peer over BGP (a session per
 * family, both daemons on port 179), a block claimed on node A becomes a {@code proto bird} route on node B, readiness names every part, {@code /metrics} and the
 * {@code bgp_status} keys show the sessions; SIGTERM of A exits 0 and is a graceful restart (B keeps
 * A's route, A keeps its kernel routes) and A comes back Established.
 */
@RealEtcd
class NodeAllInOneIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(40);
    /** Both sessions of a node (IPv4 and IPv6 mesh) Established. */
    private static final Pattern ESTABLISHED =
            Pattern.compile("(?m)^tabby_bgp_sessions\\{state=\"Established\"} 2(\\.0)?$");

    @TempDir
    Path dir;

    private final CommandRunner runner = new ProcessCommandRunner();
    private final List<String> namespaces = new ArrayList<>();

    @Test
    void twoNodesRouteEachOthersBlocksAndRestartGracefully(EtcdServer etcd) throws Exception {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("network namespaces, routes and iptables for two node agents");
        host.requirePrograms("apt-get install iproute2 bird curl iptables ipset", "ip", "bird", "birdc", "curl",
                "iptables", "ipset");
        String tag = HexFormat.of().formatHex(randomBytes());
        String bridge = namespace("ai-br-" + tag);
        AllInOneNode a = new AllInOneNode("ai-a-" + tag, namespace("ai-a-" + tag), "10.250.0.1", "fd00:250::1",
                dir.resolve("a"), runner);
        AllInOneNode b = new AllInOneNode("ai-b-" + tag, namespace("ai-b-" + tag), "10.250.0.2", "fd00:250::2",
                dir.resolve("b"), runner);
        int etcdPort = URI.create(etcd.endpoints().getFirst()).getPort();
        List<EtcdRelay> relays = new ArrayList<>();
        try (Backend backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints()))) {
            ip("-n", bridge, "link", "add", "ai-br0", "type", "bridge");
            ip("-n", bridge, "link", "set", "ai-br0", "up");
            Path templates = templates();
            for (AllInOneNode node : List.of(a, b)) {
                underlay(bridge, node);
                relays.add(EtcdRelay.start(node.namespace, etcdPort));
                Files.createDirectories(node.dir);
                node.makeConfdir(templates);
                node.start(etcd.endpoints());
            }

            for (AllInOneNode node : List.of(a, b)) {
                await().atMost(START).until(() -> ready(node) || !node.alive());
                assertThat(node.alive()).as("%s is running; its log:%n%s", node.name, node.log()).isTrue();
                assertThat(node.get("/readiness")).startsWith("200").contains("startup", "cni", "felix", "confd",
                        "bird");
            }
            for (AllInOneNode node : List.of(a, b)) {
                await().atMost(WAIT).until(() -> ESTABLISHED.matcher(node.get("/metrics")).find());
                assertThat(node.get("/metrics")).contains("tabby_bgp_routes{table=\"master\"}",
                        "tabby_bgp_routes{table=\"master6\"}",
                        "tabby_confd_renders_total{resource=", "tabby_felix_apply_passes_total", "tabby_syncer_in_sync 1");
                assertThat(node.get("/metrics")).as("felix's apply latency is observed")
                        .containsPattern("(?m)^tabby_felix_apply_duration_seconds_count [1-9]");
                await().atMost(WAIT).until(() -> etcd.etcdctl("get", BgpStatusKeys.key(node.name), "--print-value-only")
                        .contains("Established"));
            }

            // a block claimed on A (as a pod ADD claims it) becomes a BGP route on B
            new DatastoreIpam(backend).autoAssign(AssignRequest.of(1, 0, "k8s-pod-network.ai-pod",
                    AllocationAttributes.workload("default", "ai-pod", a.name, "ai-pod"), a.name));
            String block = blockOf(backend, a.name);
            await().atMost(WAIT).until(() -> b.birdRoutes().stream()
                    .anyMatch(r -> r.startsWith(block + " via " + a.address)));
            await().atMost(WAIT).until(() -> a.birdRoutes().stream().anyMatch(r -> r.contains(block)));
            List<String> aRoutes = a.birdRoutes();

            // SIGTERM of A: a clean exit, a graceful restart for B, A's kernel routes stay
            assertThat(a.terminate()).as("exit status of tabby-node on A; its log:%n%s", a.log()).isZero();
            await().atMost(WAIT).until(() -> !ESTABLISHED.matcher(b.get("/metrics")).find());
            assertThat(b.birdRoutes()).anyMatch(r -> r.startsWith(block + " via " + a.address));
            assertThat(a.birdRoutes()).containsAll(aRoutes);
            assertThat(a.log()).contains("felix stopped; routes, rules and ip sets stay",
                    "bird-bridge stopped for a graceful restart");

            a.start(etcd.endpoints());
            await().atMost(START).until(() -> ready(a) || !a.alive());
            assertThat(a.alive()).as("A restarted; its log:%n%s", a.log()).isTrue();
            for (AllInOneNode node : List.of(a, b)) {
                await().atMost(WAIT).until(() -> ESTABLISHED.matcher(node.get("/metrics")).find());
            }
            assertThat(b.birdRoutes()).anyMatch(r -> r.startsWith(block + " via " + a.address));

            // a dead etcd watch makes the node not ready, saying why; it is ready again once etcd is back
            if (etcd.controllable()) {
                etcd.stop();
                try {
                    await().atMost(WAIT).until(() -> b.get("/readiness").startsWith("503"));
                    assertThat(b.get("/readiness")).contains("felix", "etcd syncer");
                } finally {
                    etcd.start();
                }
                await().atMost(WAIT).until(() -> ready(b));
            }
        } finally {
            for (AllInOneNode node : List.of(a, b)) {
                node.kill();
            }
            relays.forEach(EtcdRelay::close);
            for (String ns : namespaces) {
                runner.run(Command.of(List.of("ip", "netns", "del", ns)));
            }
        }
    }

    private static boolean ready(AllInOneNode node) {
        return node.get("/readiness").startsWith("200");
    }

    private String namespace(String name) {
        ip("netns", "add", name);
        namespaces.add(name);
        ip("-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** The node's eth0 on the bridge, with its address. */
    private void underlay(String bridge, AllInOneNode node) {
        String port = "ai-" + node.name.charAt(3);
        ip("-n", bridge, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", node.namespace);
        ip("-n", bridge, "link", "set", port, "master", "ai-br0", "up");
        ip("-n", node.namespace, "addr", "add", node.address + "/24", "dev", "eth0");
        ip("-n", node.namespace, "-6", "addr", "add", node.address6 + "/64", "dev", "eth0", "nodad");
        ip("-n", node.namespace, "link", "set", "eth0", "up");
        runner.runChecked(Command.of(List.of("ip", "netns", "exec", node.namespace, "sysctl", "-qw",
                "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1")));
    }

    /** The block of {@code node}'s affinity, e.g. {@code 10.251.3.64/26}. */
    private static String blockOf(Backend backend, String node) {
        List<KeyValue> affinities = backend.list("/calico/ipam/v2/host/" + node + "/ipv4/block/").kvs();
        assertThat(affinities).as("block affinities of %s", node).hasSize(1);
        String key = affinities.getFirst().key();
        return key.substring(key.lastIndexOf('/') + 1).replace('-', '/');
    }

    private void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        runner.runChecked(Command.of(argv));
    }

    /** The repository's templates/, found from the module directory the tests run in. */
    private static Path templates() {
        Path at = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && at != null; up++, at = at.getParent()) {
            if (Files.isDirectory(at.resolve("templates/conf.d"))) {
                return at.resolve("templates");
            }
        }
        throw new IllegalStateException("no templates/conf.d above " + Path.of("").toAbsolutePath());
    }

    private static byte[] randomBytes() {
        byte[] random = new byte[2];
        ThreadLocalRandom.current().nextBytes(random);
        return random;
    }
}
