package io.tabby.felix;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Syncer;
import io.tabby.datastore.syncer.SyncerCallbacks;
import io.tabby.datastore.syncer.SyncerSettings;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.calc.CalcGraph;
import io.tabby.felix.dataplane.Dataplane;
import io.tabby.felix.dataplane.DataplaneLoop;
import io.tabby.felix.dataplane.KernelOps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One felix, wired: the syncer (its own thread, over {@code /calico/v1/} and the block affinities
 * under {@code /calico/ipam/v2/host/}, which VXLAN routes need) hands each callback to
 * the calc thread, which runs the {@link CalcGraph} and sends each flushed batch to the
 * {@link DataplaneLoop} thread. Three threads, each owning its state.
 */
public final class Felix implements AutoCloseable {
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

    /** A flush is waiting in the calc thread's queue; read and written on that thread only. */
    private boolean flushQueued;
    private final Syncer syncer;
    private final ExecutorService calcThread;
    private final CalcGraph graph;
    private final DataplaneLoop loop;
    private final List<DataplaneMessage> batch = new ArrayList<>();

    public Felix(Backend backend, FelixConfig config, KernelOps kernel) {
        requireNonNull(backend, "backend is null");
        requireNonNull(config, "config is null");
        requireNonNull(kernel, "kernel is null");
        this.loop = new DataplaneLoop(new Dataplane(kernel, config.rules(), config.interfacePrefix(), config.nodeName()),
                config.refreshInterval(), RETRY_INTERVAL);
        this.graph = new CalcGraph(config.nodeName(), config.programIpipRoutes(), batch::add);
        this.calcThread = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("felix-calc").daemon(true)
                .unstarted(r));
        this.syncer = new Syncer(backend, List.of(KeyPaths.V1, KeyPaths.IPAM + "host/", KeyPaths.BGP + "host/"), new SyncerCallbacks() {
            @Override
            public void onStatus(SyncStatus status) {
                calcThread.execute(() -> {
                    graph.onStatus(status);
                    requestFlush();
                });
            }

            @Override
            public void onUpdates(List<Update> updates) {
                calcThread.execute(() -> {
                    graph.onUpdates(updates);
                    requestFlush();
                });
            }
        }, SyncerSettings.DEFAULTS);
    }

    /**
     * Runs on the calc thread after the graph took updates: queues one flush behind whatever
     * updates are already waiting, unless one is queued. A lone change flushes right after it;
     * while updates arrive faster than the graph digests them (10,000 endpoints written in a
     * burst), they fold into one flush instead of one per syncer batch, each of which costs the
     * whole state.
     */
    private void requestFlush() {
        if (!flushQueued) {
            flushQueued = true;
            calcThread.execute(() -> {
                flushQueued = false;
                flush();
            });
        }
    }

    /** Runs on the calc thread. */
    private void flush() {
        graph.flush();
        if (!batch.isEmpty()) {
            loop.send(batch);
            batch.clear();
        }
    }

    public void start() {
        loop.start();
        syncer.start();
    }

    /** Where the datastore connection stands ({@code null} before start). */
    public SyncStatus syncStatus() {
        return syncer.status();
    }

    /** The dataplane loop, for health and tests. */
    public DataplaneLoop dataplane() {
        return loop;
    }

    @Override
    public void close() {
        syncer.close();
        calcThread.shutdown();
        try {
            if (!calcThread.awaitTermination(10, TimeUnit.SECONDS)) {
                calcThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
    }
}
