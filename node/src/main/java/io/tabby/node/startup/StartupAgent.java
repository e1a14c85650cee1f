package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.ipam.Ipam;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.NetNs;
import java.time.Duration;
import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Start-up wired for a real host: runs {@link NodeStartup}, waiting a bounded time for etcd while
 * it is unreachable, then hands over to a {@link NodeReconcileLoop}.
 */
public final class StartupAgent {
    private static final Logger LOG = LogManager.getLogger(StartupAgent.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private final Backend backend;
    private final NodeStartup startup;
    private final PeerExpansion peers;
    private final TunnelAddresses tunnels;

    public StartupAgent(Backend backend, NodeStartup startup, PeerExpansion peers, TunnelAddresses tunnels) {
        this.backend = requireNonNull(backend, "backend is null");
        this.startup = requireNonNull(startup, "startup is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.tunnels = requireNonNull(tunnels, "tunnels is null");
    }

    /** The agent with the Linux platform operations, in {@code ns}. */
    public static StartupAgent linux(Backend backend, Ipam ipam, CommandRunner runner, NetNs ns, String node,
            StartupSettings settings) {
        ResourceClient resources = new ResourceClient(backend);
        TunnelAddresses tunnels = new TunnelAddresses(backend, resources, ipam, node);
        PeerExpansion peers = new PeerExpansion(backend, resources, node);
        NodeStartup startup = new NodeStartup(node, settings,
                new AddressDetector(new LinuxAddrOps(runner), new IpRouteGet(runner), ns),
                new NodeRegistration(backend), new ClusterDefaults(backend),
                new DefaultPools(resources, new KernelIpipProbe(new LinuxLinkOps(runner), runner, ns)),
                tunnels, peers);
        return new StartupAgent(backend, startup, peers, tunnels);
    }

    /**
     * Runs start-up, retrying while etcd is unreachable for at most {@code etcdWait}.
     *
     * @throws StartupException when start-up cannot complete
     */
    public void runStartup(Duration etcdWait) throws InterruptedException {
        Instant deadline = Instant.now().plus(etcdWait);
        while (true) {
            try {
                startup.run();
                return;
            } catch (UnavailableException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new StartupException("etcd is unreachable (" + e.getMessage() + ") and stayed so for "
                            + etcdWait.toSeconds() + " s; check ETCD_ENDPOINTS and that etcd is running", e);
                }
                LOG.warn("etcd is unreachable during start-up ({}); retrying", e.getMessage());
                Thread.sleep(RETRY_PAUSE);
            }
        }
    }

    /** Starts the loop that keeps peers and tunnel addresses current; close it on shutdown. */
    public NodeReconcileLoop startReconcileLoop(Duration period) {
        NodeReconcileLoop loop = new NodeReconcileLoop(backend, peers, tunnels);
        loop.start(period);
        return loop;
    }
}
