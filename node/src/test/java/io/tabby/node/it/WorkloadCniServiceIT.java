package io.tabby.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.TabbyCniMain;
import io.tabby.cni.wire.ClientSettings;
import io.tabby.cni.wire.CniSocketServer;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.node.cni.WorkloadCniService;
import io.tabby.node.cni.WorkloadIdentity;
import io.tabby.node.cni.WorkloadPlumbing;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxNeighOps;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final String NODE = "it-node";
    private static final String NETWORK = "k8s-pod-network";
    private static final Pattern ADDRESS = Pattern.compile("\"address\":\"([0-9.]+)/32\"");

    private final CommandRunner runner = new ProcessCommandRunner();
    private final NamespaceHost hostNs = new NamespaceHost(runner, System.getenv());
    private final LinkOps links = new LinuxLinkOps(runner);
    private Backend backend;
    private CniSocketServer server;
    private Path socketDir;
    private String node;

    @BeforeAll
    void startAgent(EtcdServer etcd) throws IOException {
        hostNs.require("ip", "ping", "nsenter", "sysctl");
        node = hostNs.newNamespace("node");
        hostNs.run("ip", "-n", node, "link", "set", "lo", "up");
        hostNs.run("ip", "netns", "exec", node, "sysctl", "-qw", "net.ipv4.ip_forward=1");

        backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        Cidr pool = Cidr.parse("10.77.0.0/16");
        IpPoolKey poolKey = new IpPoolKey(pool);
        backend.put(KeyPaths.toPath(poolKey), ValueCodec.INSTANCE.encode(poolKey, IpPool.of(pool)));
        WorkloadPlumbing plumbing = new WorkloadPlumbing(links, new LinuxAddrOps(runner), new LinuxRouteOps(runner),
                new LinuxNeighOps(runner), new LinuxSysctlOps(runner), NetNs.named(node));
        socketDir = Files.createTempDirectory("tabby-node-it");
        server = CniSocketServer.start(socketDir.resolve("cni.sock"),
                new WorkloadCniService(backend, new DatastoreIpam(backend), plumbing, NODE));
    }

    @AfterAll
    void stopAgent() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
            if (backend != null) {
                backend.close();
            }
            if (socketDir != null) {
                Files.deleteIfExists(socketDir);
            }
        } finally {
            hostNs.deleteAll();
        }
    }

    @Test
    void twoPodsPingEachOtherThroughTheNodeAndDelIsIdempotent() {
        String pod1 = hostNs.newNamespace("pod1");
        String pod2 = hostNs.newNamespace("pod2");

        Outcome add1 = plugin("ADD", "c-one", pod1, "web-1");
        Outcome add2 = plugin("ADD", "c-two", pod2, "web-2");
        assertThat(add1.exitCode()).as(add1.stdout()).isZero();
        assertThat(add2.exitCode()).as(add2.stdout()).isZero();

        String ip2 = add2.address();
        assertThat(hostNs.tryRun(List.of("ip", "netns", "exec", pod1, "ping", "-c1", "-W1", ip2)).succeeded())
                .as("pod1 pings pod2 at %s through the node", ip2).isTrue();
        assertThat(backend.get(endpointPath("web-1"))).isPresent();

        for (int i = 0; i < 3; i++) {
            Outcome del = plugin("DEL", "c-one", pod1, "web-1");
            assertThat(del.exitCode()).as("DEL #%d: %s", i + 1, del.stdout()).isZero();
        }
        assertThat(backend.get(endpointPath("web-1"))).isEmpty();
        assertThat(backend.get("/calico/ipam/v2/handle/" + NETWORK + ".c-one")).isEmpty();
        assertThat(links.get(NetNs.named(node), veth("web-1"))).isEmpty();
        assertThat(links.get(NetNs.named(pod1), "eth0")).isEmpty();
        assertThat(plugin("DEL", "c-two", pod2, "web-2").exitCode()).isZero();
    }

    @Test
    void delAfterThePodNamespaceIsGoneSucceeds() {
        String pod = hostNs.newNamespace("gone");
        Outcome add = plugin("ADD", "c-gone", pod, "web-gone");
        assertThat(add.exitCode()).as(add.stdout()).isZero();

        hostNs.run("ip", "netns", "del", pod);
        Outcome del = plugin("DEL", "c-gone", pod, "web-gone");

        assertThat(del.exitCode()).as(del.stdout()).isZero();
        assertThat(backend.get("/calico/ipam/v2/handle/" + NETWORK + ".c-gone")).isEmpty();
        assertThat(backend.get(endpointPath("web-gone"))).isEmpty();
        assertThat(links.get(NetNs.named(node), veth("web-gone"))).isEmpty();
    }

    private Outcome plugin(String command, String containerId, String podNs, String podName) {
        Map<String, String> env = Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId,
                "CNI_NETNS", "/var/run/netns/" + podNs, "CNI_IFNAME", "eth0", "CNI_PATH", "/opt/cni/bin",
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=it;K8S_POD_NAME=" + podName,
                ClientSettings.SOCKET_ENV, server.socket().toString());
        String stdin = "{\"cniVersion\":\"1.0.0\",\"name\":\"" + NETWORK + "\",\"type\":\"tabby\","
                + "\"ipam\":{\"type\":\"tabby-ipam\"}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = TabbyCniMain.run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8));
    }

    private static String endpointPath(String podName) {
        return "/calico/v1/host/" + NODE + "/workload/k8s/it." + podName + "/endpoint/eth0";
    }

    private static String veth(String podName) {
        return new WorkloadIdentity(NODE, NETWORK, "x", "eth0",
                java.util.Optional.of(new io.tabby.cni.spec.PodRef("it", podName))).hostVeth();
    }

    private record Outcome(int exitCode, String stdout) {
        String address() {
            Matcher m = ADDRESS.matcher(stdout);
            assertThat(m.find()).as("an IPv4 address in %s", stdout).isTrue();
            return m.group(1);
        }
    }
}
