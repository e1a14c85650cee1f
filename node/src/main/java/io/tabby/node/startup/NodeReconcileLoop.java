package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import io.tabby.datastore.path.KeyPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Re-runs the BGPPeer expansion and the tunnel-address check after start-up: at once when a
 * BGPPeer, a node's BGP keys or labels, or a pool changes (etcd watches; a burst of changes runs it
 * once), and every {@code period} as well, which also covers the time after a watch failed (the
 * watches are opened again on that tick).
 */
public final class NodeReconcileLoop implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(NodeReconcileLoop.class);
    static final List<String> PREFIXES = List.of(KeyPaths.RESOURCES + "bgppeers/", KeyPaths.BGP + "host/",
            KeyPaths.V1 + "host/", KeyPaths.V1 + "ipam/", KeyPaths.BGP + "global/");
    private final Backend backend;
    private final PeerExpansion peers;
    private final TunnelAddresses tunnels;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tabby-node-reconcile").daemon(true).factory());
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final List<WatchHandle> watches = new ArrayList<>();

    public NodeReconcileLoop(Backend backend, PeerExpansion peers, TunnelAddresses tunnels) {
        this.backend = requireNonNull(backend, "backend is null");
        this.peers = requireNonNull(peers, "peers is null");
        this.tunnels = requireNonNull(tunnels, "tunnels is null");
    }

    /** Starts watching and the periodic reconcile. */
    public void start(Duration period) {
        executor.execute(this::openWatches);
        executor.scheduleWithFixedDelay(() -> {
            if (!watching.get()) {
                openWatches();
            }
            reconcile();
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a reconcile soon; requests made while one is pending are folded into it. */
    public void trigger() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                reconcile();
            });
        }
    }

    private void reconcile() {
        try {
            peers.reconcile();
            tunnels.reconcile();
        } catch (RuntimeException e) {
            LOG.warn("reconciling BGP peers and tunnel addresses failed ({}); retrying on the next change or tick",
                    e.getMessage());
        }
    }

    private void openWatches() {
        closeWatches();
        try {
            long from = backend.currentRevision() + 1;
            for (String prefix : PREFIXES) {
                watches.add(backend.watch(prefix, from, new Listener()));
            }
            watching.set(true);
            trigger();
        } catch (RuntimeException e) {
            LOG.warn("cannot watch etcd for peer and pool changes ({}); reconciling on the periodic tick only",
                    e.getMessage());
            closeWatches();
        }
    }

    private void closeWatches() {
        watches.forEach(WatchHandle::close);
        watches.clear();
        watching.set(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeWatches();
    }

    private final class Listener implements WatchListener {
        @Override
        public void onEvents(List<WatchEvent> events) {
            if (events.stream().anyMatch(e -> relevant(e.key()))) {
                trigger();
            }
        }

        @Override
        public void onError(DatastoreException error) {
            LOG.warn("etcd watch for peer and pool changes failed ({}); it is reopened on the next tick",
                    error.getMessage());
            watching.set(false);
        }
    }

    /** Workload endpoints under {@code /calico/v1/host/} change often and never matter here. */
    static boolean relevant(String key) {
        if (key.startsWith(KeyPaths.V1 + "host/")) {
            return key.endsWith("/metadata") || key.contains("/config/");
        }
        return true;
    }
}
