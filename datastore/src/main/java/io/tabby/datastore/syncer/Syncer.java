package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Keeps a consumer's view of some key prefixes equal to etcd's: list at one revision R, deliver
 * the snapshot, watch from R + 1, and supervise that watch (see the package documentation for
 * what consumers are promised).
 *
 * <p>Everything happens on one owner thread: watch signals and timer firings are queued to it,
 * and it alone calls the backend for lists and watches and calls the consumer. A lost stream
 * (an error, or a stall: no event and no progress notification within the deadline) is resumed
 * from the last delivered revision + 1 after a jittered backoff; a compacted resume revision
 * leads to exactly one re-list, diffed against what the consumer already has.
 */
public final class Syncer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Syncer.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final KeyPrefixes prefixes;
    private final ConsumerFeed feed;
    private final ExecutorScheduler ownedScheduler;
    private final SyncLoop loop;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread owner;

    /** A syncer on the system clock with its own timer thread. */
    public Syncer(Backend backend, List<String> prefixes, SyncerCallbacks callbacks, SyncerSettings settings) {
        this(backend, prefixes, callbacks, settings, InstantSource.system(), null, true);
    }

    /**
     * A syncer on an injected clock and scheduler, such as
     * {@link io.tabby.datastore.testing.ManualScheduler}. The caller owns the scheduler.
     */
    public Syncer(Backend backend, List<String> prefixes, SyncerCallbacks callbacks, SyncerSettings settings,
            InstantSource clock, Scheduler scheduler) {
        this(backend, prefixes, callbacks, settings, clock, requireNonNull(scheduler, "scheduler is null"), false);
    }

    private Syncer(Backend backend, List<String> prefixes, SyncerCallbacks callbacks, SyncerSettings settings,
            InstantSource clock, Scheduler scheduler, boolean ownScheduler) {
        requireNonNull(backend, "backend is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(clock, "clock is null");
        this.prefixes = KeyPrefixes.of(prefixes);
        this.feed = new ConsumerFeed(requireNonNull(callbacks, "callbacks is null"),
                this.prefixes.prefixes().toString());
        this.ownedScheduler =
                ownScheduler ? new ExecutorScheduler("syncer-timer " + this.prefixes.watchPrefix()) : null;
        this.loop = new SyncLoop(backend, this.prefixes, feed, settings, clock,
                ownScheduler ? ownedScheduler : scheduler);
    }

    /** Starts the owner thread, which connects and keeps the consumer in sync until {@link #close}. */
    public void start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("a syncer starts once; this one already started or was closed");
        }
        owner = Thread.ofPlatform().name("syncer " + prefixes.watchPrefix()).daemon(true).start(loop::run);
    }

    /** Stops the watch and the owner thread; no callback follows once this returns (unless called from one). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        loop.stop();
        Thread thread = owner;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                if (!thread.join(CLOSE_WAIT)) {
                    LOG.warn("syncer thread for {} did not stop within {}; interrupting it", prefixes.prefixes(),
                            CLOSE_WAIT);
                    thread.interrupt();
                    thread.join(TimeUnit.SECONDS.toMillis(1));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
    }

    /** The status last reported to the consumer ({@code null} before the thread started). */
    public SyncStatus status() {
        return feed.status();
    }

    /** Re-lists after the first list: each follows a resume etcd could not serve (compacted, or etcd went back). */
    public long relistCount() {
        return loop.relistCount();
    }

    /** The revision the consumer's view is at: the snapshot's, or the last delivered event's. */
    public long lastRevision() {
        return loop.lastRevision();
    }
}
