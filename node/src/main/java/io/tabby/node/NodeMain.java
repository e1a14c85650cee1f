package io.tabby.node;

import io.tabby.cni.wire.CniSocketServer;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.node.cni.WorkloadCniService;
import io.tabby.node.cni.WorkloadPlumbing;
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
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code tabby-node}: connects to etcd, builds IPAM and the Linux platform operations, and serves
 * the CNI socket until SIGTERM or SIGINT. The only place where Tabby's modules are wired together.
 */
public final class NodeMain {
    private static final Logger LOG = LogManager.getLogger(NodeMain.class);

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
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("tabby-node-stop").unstarted(() -> {
            stop.countDown();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            run(env, stop);
        } finally {
            LogManager.shutdown();
            stopped.countDown();
        }
    }

    /** Serves until {@code stop} opens, then closes the socket and the etcd connection. */
    static void run(NodeEnv env, CountDownLatch stop) throws IOException, InterruptedException {
        Backend backend = EtcdBackend.connect(env.etcd());
        try {
            CommandRunner runner = new ProcessCommandRunner();
            WorkloadPlumbing plumbing = new WorkloadPlumbing(new LinuxLinkOps(runner), new LinuxAddrOps(runner),
                    new LinuxRouteOps(runner), new LinuxNeighOps(runner), new ProcSysctlOps(new LinuxSysctlOps(runner)), new LinuxNetBatchOps(runner), NetNs.root());
            WorkloadCniService service = new WorkloadCniService(backend, new DatastoreIpam(backend), plumbing,
                    env.nodeName());
            try (CniSocketServer server = CniSocketServer.start(env.cniSocket(), service)) {
                LOG.info("tabby-node {} serving CNI on {} (etcd {})", env.nodeName(), server.socket(),
                        env.etcd().endpoints());
                stop.await();
                LOG.info("tabby-node {} stopping", env.nodeName());
            }
        } finally {
            backend.close();
        }
    }
}
