package io.tabby.node;

import io.tabby.cni.wire.CniSocketServer;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.cni.wire.CniService;
import io.tabby.node.cni.MeasuredCniService;
import io.tabby.node.cni.WorkloadCniService;
import io.tabby.node.health.ComponentHealth;
import io.tabby.node.health.HealthChecks;
import io.tabby.node.health.HealthServer;
import io.tabby.node.metrics.MetricRegistry;
import io.tabby.node.metrics.NodeMetrics;
import io.tabby.node.parts.NodeParts;
import io.tabby.node.cni.WorkloadPlumbing;
import io.tabby.node.startup.NodeReconcileLoop;
import io.tabby.node.startup.StartupAgent;
import io.tabby.node.startup.StartupException;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxNeighOps;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.LinuxNetBatchOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.ProcSysctlOps;
import io.tabby.platform.net.NetNs;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code tabby-node}: connects to etcd, runs start-up as calico/node does (addresses, node keys,
 * default pools, Ready, tunnel addresses, BGPPeer expansion), then serves the CNI socket and keeps
 * peers and tunnel addresses current; then runs felix, confd and bird-bridge in this JVM as
 * {@link NodeEnv} asks ({@link NodeParts}), until SIGTERM or SIGINT. Stopping closes the CNI socket
 * first, then felix and confd (leaving routes, rules and files), then bird-bridge for a BGP graceful
 * restart, and exits 0. {@code /liveness}, {@code /readiness} (start-up, CNI socket, each running
 * part) and {@code /metrics} are served on {@code TABBY_HEALTH_HOST:PORT} (localhost:9099). Exits 1
 * when start-up cannot complete. The only place where Tabby's modules are wired together.
 */
public final class NodeMain {
    private static final Logger LOG = LogManager.getLogger(NodeMain.class);
    /** How long start-up waits for an unreachable etcd before giving up. */
    static final Duration STARTUP_ETCD_WAIT = Duration.ofSeconds(30);
    /** How often peers and tunnel addresses are reconciled besides the watch-triggered runs. */
    static final Duration RECONCILE_PERIOD = Duration.ofSeconds(30);

    private NodeMain() {}

    public static void main(String[] args) throws Exception {
        NodeEnv env;
        try {
            env = NodeEnv.parse(System.getenv(), InetAddress.getLocalHost().getHostName());
        } catch (IllegalArgumentException e) {
            LOG.error("tabby-node cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tabby-node-stop").unstarted(() -> {
            stop.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // SIGTERM would make the JVM exit 143; a clean stop is a success for supervisors, as calico/node's.
            Runtime.getRuntime().halt(status.get());
        }));
        try {
            run(env, stop);
        } catch (StartupException e) {
            LOG.error("tabby-node {} cannot start: {}", env.nodeName(), e.getMessage());
            status.set(1);
        } catch (IOException | RuntimeException e) {
            LOG.error("tabby-node {} failed", env.nodeName(), e);
            status.set(1);
        } finally {
            LogManager.shutdown();
            stopped.countDown();
        }
        System.exit(status.get());
    }

    /**
     * Runs start-up, then serves until {@code stop} opens; closes the socket and the etcd connection.
     *
     * @throws StartupException when start-up cannot complete
     */
    static void run(NodeEnv env, CountDownLatch stop) throws IOException, InterruptedException {
        HealthChecks health = new HealthChecks();
        ComponentHealth startupHealth = health.component("startup", Clock.systemUTC());
        ComponentHealth cniHealth = health.component("cni", Clock.systemUTC());
        NodeParts parts = new NodeParts(env.parts(), env.nodeName(), health);
        MetricRegistry registry = new MetricRegistry();
        NodeMetrics metrics = new NodeMetrics(registry, parts::bgpSessionsByState, parts::routesByTable);
        Backend backend = EtcdBackend.connect(env.etcd());
        try (HealthServer healthServer = env.health().enabled() ? HealthServer.start(env.health(), health, registry) : null) {
            if (healthServer != null) {
                LOG.info("tabby-node {} health and metrics on http://{}", env.nodeName(), healthServer.address());
            }
            CommandRunner runner = new ProcessCommandRunner();
            DatastoreIpam ipam = new DatastoreIpam(backend);
            StartupAgent startup = StartupAgent.linux(backend, ipam, runner, NetNs.root(), env.nodeName(), env.startup());
            startup.runStartup(STARTUP_ETCD_WAIT);
            startupHealth.ready();
            WorkloadPlumbing plumbing = new WorkloadPlumbing(new LinuxLinkOps(runner), new LinuxAddrOps(runner),
                    new LinuxRouteOps(runner), new LinuxNeighOps(runner), new ProcSysctlOps(new LinuxSysctlOps(runner)),
                    new LinuxNetBatchOps(runner), NetNs.root());
            CniService service = new MeasuredCniService(new WorkloadCniService(backend, ipam, plumbing,
                    env.nodeName()), metrics);
            try (NodeReconcileLoop loop = startup.startReconcileLoop(RECONCILE_PERIOD);
                    parts; CniSocketServer server = CniSocketServer.start(env.cniSocket(), service)) {
                LOG.info("tabby-node {} serving CNI on {} (etcd {})", env.nodeName(), server.socket(),
                        env.etcd().endpoints());
                cniHealth.ready();
                parts.start(backend, runner, System.getenv(), registry, metrics);
                stop.await();
                LOG.info("tabby-node {} stopping: CNI first, then felix and confd (the dataplane and rendered files "
                        + "stay), then bird-bridge for a graceful restart", env.nodeName());
                cniHealth.notReady("stopping");
            }
        } finally {
            backend.close();
        }
    }
}
