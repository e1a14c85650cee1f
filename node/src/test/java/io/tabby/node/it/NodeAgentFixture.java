package io.tabby.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.cni.TabbyCniMain;
import io.tabby.cni.TabbyIpamMain;
import io.tabby.cni.spec.PodRef;
import io.tabby.cni.wire.ClientSettings;
import io.tabby.cni.wire.CniSocketServer;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.UnavailableException;
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
import io.tabby.platform.net.LinuxNetBatchOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.etcd.EtcdServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node agent for integration tests: a fresh "node" namespace (loopback up, IP forwarding on) as
 * the agent's host side, a real etcd backend with one IPv4 pool, the CNI service served on a unix
 * socket in a temp dir, and {@link #plugin} to run the {@code tabby} plugin as a runtime would.
 */
final class NodeAgentFixture implements AutoCloseable {
    static final String NODE = "it-node";
    static final String NETWORK = "k8s-pod-network";
    static final Cidr POOL_V4 = Cidr.parse("10.77.0.0/16");
    static final Cidr POOL_V6 = Cidr.parse("fd00:77::/64");
    private static final Pattern ADDRESS = Pattern.compile("\"address\":\"([0-9.]+)/32\"");
    private static final Pattern ADDRESS_V6 = Pattern.compile("\"address\":\"([0-9a-f:]+)/128\"");

    final CommandRunner runner = new ProcessCommandRunner();
    final NamespaceHost host = new NamespaceHost(runner, System.getenv());
    final LinkOps links = new LinuxLinkOps(runner);
    private Backend backend;
    private CniSocketServer server;
    private Path socketDir;
    private String node;

    /** Skips (or fails under TABBY_REQUIRE_ALL=1) without root and tools, then starts everything. */
    void start(EtcdServer etcd) throws IOException {
        host.require("ip", "ping", "nsenter", "sysctl");
        node = host.newNamespace("node");
        host.run("ip", "-n", node, "link", "set", "lo", "up");
        host.run("ip", "netns", "exec", node, "sysctl", "-qw", "net.ipv4.ip_forward=1",
                "net.ipv6.conf.all.forwarding=1");

        // Longer than the agent's production bounds: a shared 2-core test machine can be slow to
        // answer, and every request here still ends well inside the plugin's 10 s bound.
        backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2)));
        // The first request also opens the connection: retried (bounded) so a busy machine does not fail the start.
        await().atMost(Duration.ofSeconds(30)).ignoreException(UnavailableException.class).until(() -> {
            for (Cidr pool : new Cidr[] {POOL_V4, POOL_V6}) {
                IpPoolKey poolKey = new IpPoolKey(pool);
                backend.put(KeyPaths.toPath(poolKey), ValueCodec.INSTANCE.encode(poolKey, IpPool.of(pool)));
            }
            return true;
        });
        WorkloadPlumbing plumbing = new WorkloadPlumbing(links, new LinuxAddrOps(runner), new LinuxRouteOps(runner),
                new LinuxNeighOps(runner), new LinuxSysctlOps(runner), new LinuxNetBatchOps(runner), NetNs.named(node));
        socketDir = Files.createTempDirectory("tabby-node-it");
        server = CniSocketServer.start(socketDir.resolve("cni.sock"),
                new WorkloadCniService(backend, new DatastoreIpam(backend), plumbing, NODE));
    }

    /** Stops serving the CNI socket, as when tabby-node is down. */
    void stopAgent() throws IOException {
        server.close();
    }

    Backend backend() {
        return backend;
    }

    NetNs nodeNs() {
        return NetNs.named(node);
    }

    /** Runs the plugin with {@code CNI_NETNS=/var/run/netns/<podNs>} and pod {@code it/<podName>}. */
    Outcome plugin(String command, String containerId, String podNs, String podName) {
        return plugin(command, containerId, podNs, podName, "");
    }

    /** As {@link #plugin(String, String, String, String)} with {@code prevResult} (a result JSON) in the config. */
    Outcome plugin(String command, String containerId, String podNs, String podName, String prevResult) {
        return pluginWith(command, containerId, podNs, podName, "{\"type\":\"tabby-ipam\"}",
                prevResult.isEmpty() ? "" : ",\"prevResult\":" + prevResult.strip());
    }

    /**
     * As {@link #plugin(String, String, String, String)} with {@code ipam} as the config's ipam object and
     * {@code extra} (",\"field\":...") appended to the config.
     */
    Outcome pluginWith(String command, String containerId, String podNs, String podName, String ipam,
                       String extra) {
        Map<String, String> env = Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId,
                "CNI_NETNS", "/var/run/netns/" + podNs, "CNI_IFNAME", "eth0", "CNI_PATH", "/opt/cni/bin",
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=it;K8S_POD_NAME=" + podName,
                ClientSettings.SOCKET_ENV, server.socket().toString());
        return run(env, "{\"cniVersion\":\"1.0.0\",\"name\":\"" + NETWORK + "\",\"type\":\"tabby\","
                + "\"ipam\":" + ipam + extra + "}");
    }

    /** GC (spec 1.1) keeping the eth0 attachments of {@code containerIds}; no CNI_CONTAINERID, as libcni runs it. */
    Outcome gc(String... containerIds) {
        StringBuilder valid = new StringBuilder();
        for (String id : containerIds) {
            valid.append(valid.isEmpty() ? "" : ",").append("{\"containerID\":\"").append(id)
                    .append("\",\"ifname\":\"eth0\"}");
        }
        return run(Map.of("CNI_COMMAND", "GC", "CNI_PATH", "/opt/cni/bin", ClientSettings.SOCKET_ENV,
                server.socket().toString()), "{\"cniVersion\":\"1.1.0\",\"name\":\"" + NETWORK + "\","
                + "\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"},\"cni.dev/valid-attachments\":["
                + valid + "]}");
    }

    /** Runs the {@code tabby-ipam} plugin as a chain with main plugin {@code ptp} would, dual-stack. */
    Outcome ipamPlugin(String command, String containerId, String podNs, String podName) {
        Map<String, String> env = Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", containerId,
                "CNI_NETNS", "/var/run/netns/" + podNs, "CNI_IFNAME", "eth0", "CNI_PATH", "/opt/cni/bin",
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=it;K8S_POD_NAME=" + podName,
                ClientSettings.SOCKET_ENV, server.socket().toString());
        String stdin = "{\"cniVersion\":\"0.4.0\",\"name\":\"" + NETWORK + "\",\"type\":\"ptp\","
                + "\"ipam\":{\"type\":\"calico-ipam\",\"assign_ipv6\":\"true\"}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = TabbyIpamMain.run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8));
    }

    /** STATUS (spec 1.1). */
    Outcome status() {
        return run(Map.of("CNI_COMMAND", "STATUS", "CNI_PATH", "/opt/cni/bin", ClientSettings.SOCKET_ENV,
                server.socket().toString()), "{\"cniVersion\":\"1.1.0\",\"name\":\"" + NETWORK + "\","
                + "\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"}}");
    }

    private static Outcome run(Map<String, String> env, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = TabbyCniMain.run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Outcome(rc, out.toString(StandardCharsets.UTF_8));
    }

    static String endpointPath(String podName) {
        return "/calico/v1/host/" + NODE + "/workload/k8s/it." + podName + "/endpoint/eth0";
    }

    static String handlePath(String containerId) {
        return "/calico/ipam/v2/handle/" + NETWORK + "." + containerId;
    }

    static String veth(String podName) {
        return new WorkloadIdentity(NODE, NETWORK, "unused", "eth0", Optional.of(new PodRef("it", podName)))
                .hostVeth();
    }

    @Override
    public void close() throws IOException {
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
            host.deleteAll();
        }
    }

    record Outcome(int exitCode, String stdout) {
        String address() {
            Matcher m = ADDRESS.matcher(stdout);
            assertThat(m.find()).as("an IPv4 address in %s", stdout).isTrue();
            return m.group(1);
        }

        String address6() {
            Matcher m = ADDRESS_V6.matcher(stdout);
            assertThat(m.find()).as("an IPv6 address in %s", stdout).isTrue();
            return m.group(1);
        }
    }
}
