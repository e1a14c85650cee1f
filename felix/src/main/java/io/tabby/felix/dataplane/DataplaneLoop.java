package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.felix.api.DataplaneMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The dataplane thread: drains the batches the calculation graph sends, hands them to the
 * {@link Dataplane}, and applies once per drained batch (so a burst of updates becomes one
 * kernel write). It retries pending work after {@code retryInterval}, doubling the wait while the
 * work stays pending (up to {@value #MAX_RETRY_FACTOR} times, so an endpoint whose interface never
 * appears costs little) and starting over when new messages arrive; and every
 * {@code resyncInterval} reads the kernel back in full, which restores anything removed behind
 * felix's back ({@code IptablesRefreshInterval}, {@code IpsetsRefreshInterval}).
 */
public final class DataplaneLoop implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(DataplaneLoop.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    static final int MAX_RETRY_FACTOR = 16;

    private final Dataplane dataplane;
    private final Duration resyncInterval;
    private final Duration retryInterval;
    private final LinkedBlockingQueue<List<DataplaneMessage>> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong applies = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong syncedApplies = new AtomicLong();
    private volatile Thread thread;
    private volatile ApplyObserver observer = ApplyObserver.NONE;

    public DataplaneLoop(Dataplane dataplane, Duration resyncInterval, Duration retryInterval) {
        this.dataplane = requireNonNull(dataplane, "dataplane is null");
        this.resyncInterval = requireNonNull(resyncInterval, "resyncInterval is null");
        this.retryInterval = requireNonNull(retryInterval, "retryInterval is null");
        if (resyncInterval.isNegative() || resyncInterval.isZero() || retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("resync and retry intervals must be positive");
        }
    }

    /** Queues a batch from the calculation graph; callable from any thread. */
    public void send(List<DataplaneMessage> batch) {
        if (!batch.isEmpty()) {
            queue.add(List.copyOf(batch));
        }
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("the dataplane loop starts once");
        }
        thread = Thread.ofPlatform().name("felix-dataplane").daemon(true).start(this::run);
    }

    /** Tells {@code observer} about every later apply pass that had work to do. */
    public void observe(ApplyObserver observer) {
        this.observer = requireNonNull(observer, "observer is null");
    }

    /** Completed apply passes that changed or checked the kernel (for tests and metrics). */
    public long applies() {
        return applies.get();
    }

    /** Apply passes after the first in-sync: once this is positive, the kernel holds a complete picture. */
    public long syncedApplies() {
        return syncedApplies.get();
    }

    /** Full read-backs done so far. */
    public long resyncs() {
        return resyncs.get();
    }

    private void run() {
        long nextResync = System.nanoTime() + resyncInterval.toNanos();
        boolean pending = false;
        int retryFactor = 1;
        while (running.get()) {
            try {
                long untilResync = nextResync - System.nanoTime();
                long wait = pending ? Math.min(untilResync, retryInterval.toNanos() * retryFactor) : untilResync;
                List<DataplaneMessage> first = queue.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
                List<List<DataplaneMessage>> batches = new ArrayList<>();
                if (first != null) {
                    batches.add(first);
                    queue.drainTo(batches);
                    retryFactor = 1;
                } else if (pending) {
                    retryFactor = Math.min(retryFactor * 2, MAX_RETRY_FACTOR);
                }
                batches.forEach(batch -> batch.forEach(dataplane::onMessage));
                if (System.nanoTime() - nextResync >= 0) {
                    nextResync = System.nanoTime() + resyncInterval.toNanos();
                    if (dataplane.inSync()) {
                        dataplane.markResync();
                        resyncs.incrementAndGet();
                    }
                }
                boolean work = dataplane.hasWork();
                long failuresBefore = dataplane.failures();
                long started = System.nanoTime();
                pending = dataplane.apply();
                if (work) {
                    observer.applied(Duration.ofNanos(System.nanoTime() - started),
                            dataplane.failures() != failuresBefore);
                }
                applies.incrementAndGet();
                if (dataplane.inSync()) {
                    syncedApplies.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("dataplane pass failed; retrying", e);
                pending = true;
            }
            if (!pending) {
                retryFactor = 1;
            }
        }
    }

    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
