package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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

    private final Backend backend;
    private final KeyPrefixes prefixes;
    private final ConsumerFeed feed;
    private final SyncerSettings settings;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final ExecutorScheduler ownedScheduler;
    private final SnapshotReader reader;
    private final RetryBackoff backoff;
    private final SyncCache cache = new SyncCache();
    private final LinkedBlockingQueue<SyncerCommand> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong relists = new AtomicLong();
    private volatile long lastRevision;
    private volatile Thread owner;

    // owned by the owner thread
    private boolean needsList = true;
    private boolean listedOnce;
    private WatchHandle watch;
    private long generation;
    private boolean watchConfirmed;
    private Instant lastActivity;
    private Scheduler.Cancellable retryTimer;
    private Scheduler.Cancellable progressTimer;

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
        this.backend = requireNonNull(backend, "backend is null");
        this.prefixes = KeyPrefixes.of(prefixes);
        this.feed = new ConsumerFeed(requireNonNull(callbacks, "callbacks is null"),
                this.prefixes.prefixes().toString());
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.ownedScheduler =
                ownScheduler ? new ExecutorScheduler("syncer-timer " + this.prefixes.watchPrefix()) : null;
        this.scheduler = ownScheduler ? ownedScheduler : scheduler;
        this.reader = new SnapshotReader(backend, this.prefixes);
        this.backoff = new RetryBackoff(settings.minRetryBackoff(), settings.maxRetryBackoff(), new SplittableRandom());
    }

    /** Starts the owner thread, which connects and keeps the consumer in sync until {@link #close}. */
    public void start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("a syncer starts once; this one already started or was closed");
        }
        owner = Thread.ofPlatform().name("syncer " + prefixes.watchPrefix()).daemon(true).start(this::run);
    }

    /** Stops the watch and the owner thread; no callback follows once this returns (unless called from one). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.add(new SyncerCommand.Stop());
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

    /** Re-lists after the first list, each caused by a compacted resume revision. */
    public long relistCount() {
        return relists.get();
    }

    /** The revision the consumer's view is at: the snapshot's, or the last delivered event's. */
    public long lastRevision() {
        return lastRevision;
    }

    private void run() {
        feed.status(SyncStatus.WAIT_FOR_DATASTORE);
        progressTimer = scheduler.scheduleRepeating(settings.progressInterval(),
                () -> queue.add(new SyncerCommand.ProgressTick()));
        queue.add(new SyncerCommand.Connect());
        try {
            for (SyncerCommand command = queue.take(); !(command instanceof SyncerCommand.Stop);
                    command = queue.take()) {
                handleSafely(command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            progressTimer.cancel();
            cancelRetry();
            closeWatch();
        }
    }

    private void handleSafely(SyncerCommand command) {
        try {
            handle(command);
        } catch (RuntimeException e) {
            // a bug or a surprise from the client library: start over from the last good revision
            LOG.error("syncer for {} failed handling {}; reconnecting", prefixes.prefixes(), command, e);
            lost(e);
        }
    }

    private void handle(SyncerCommand command) {
        switch (command) {
            case SyncerCommand.Connect _ -> {
                retryTimer = null;
                connect();
            }
            case SyncerCommand.ProgressTick _ -> checkProgress();
            case SyncerCommand.WatchEvents e -> {
                if (e.generation() == generation) {
                    onEvents(e.events());
                }
            }
            case SyncerCommand.WatchProgress p -> {
                if (p.generation() == generation) {
                    sawActivity();
                }
            }
            case SyncerCommand.WatchFailed f -> {
                if (f.generation() == generation) {
                    onWatchFailed(f.error());
                }
            }
            case SyncerCommand.Stop _ -> throw new IllegalStateException("Stop is handled by the loop");
        }
    }

    private void connect() {
        if (watch != null || (needsList && !list())) {
            return;
        }
        long gen = ++generation;
        try {
            watch = backend.watch(prefixes.watchPrefix(), lastRevision + 1, new WatchForwarder(gen, queue));
        } catch (CompactedException e) {
            onCompacted(e);
            return;
        } catch (DatastoreException e) {
            lost(e);
            return;
        }
        lastActivity = clock.instant();
        // after a list the view is known good; a resumed watch must first prove it is alive
        watchConfirmed = feed.status() == SyncStatus.IN_SYNC;
        if (!watchConfirmed) {
            watch.requestProgress();
        }
    }

    /** Lists, hands the consumer the difference, and goes in sync; false (retry scheduled) on failure. */
    private boolean list() {
        Snapshot snapshot;
        try {
            snapshot = reader.read();
        } catch (DatastoreException e) {
            if (feed.status() == SyncStatus.WAIT_FOR_DATASTORE) {
                LOG.debug("still cannot list {} from etcd: {}", prefixes.prefixes(), e.getMessage());
            } else {
                LOG.warn("cannot list {} from etcd: {}; will retry", prefixes.prefixes(), e.getMessage());
            }
            feed.status(SyncStatus.WAIT_FOR_DATASTORE);
            scheduleRetry();
            return false;
        }
        feed.status(SyncStatus.RESYNC);
        List<Update> updates = cache.resync(snapshot);
        if (listedOnce) {
            relists.incrementAndGet();
            LOG.info("re-listed {} at revision {}: {} keys changed or vanished", prefixes.prefixes(),
                    snapshot.revision(), updates.size());
        }
        listedOnce = true;
        feed.updates(updates);
        lastRevision = snapshot.revision();
        needsList = false;
        feed.status(SyncStatus.IN_SYNC);
        backoff.reset();
        return true;
    }

    private void onEvents(List<WatchEvent> events) {
        sawActivity();
        long floor = lastRevision;
        long highest = floor;
        List<Update> updates = new ArrayList<>();
        for (WatchEvent event : events) {
            if (event.revision() <= floor) {
                LOG.debug("dropping event {} at or below revision {} already delivered", event, floor);
                continue;
            }
            highest = Math.max(highest, event.revision());
            if (prefixes.covers(event.key())) {
                cache.apply(event).ifPresent(updates::add);
            }
        }
        lastRevision = highest;
        feed.updates(updates);
    }

    /**
     * Marks the stream alive. A progress notification's revision is deliberately not used to move
     * the resume point: before etcd 3.4.24 (etcd#15220) it may run ahead of events still in flight.
     */
    private void sawActivity() {
        lastActivity = clock.instant();
        if (!watchConfirmed) {
            watchConfirmed = true;
            backoff.reset();
            LOG.info("watch on {} is back, resuming after revision {}", prefixes.prefixes(), lastRevision);
            feed.status(SyncStatus.IN_SYNC);
        }
    }

    private void onWatchFailed(DatastoreException error) {
        closeWatch();
        if (error instanceof CompactedException compacted) {
            onCompacted(compacted);
        } else {
            lost(error);
        }
    }

    private void onCompacted(CompactedException e) {
        LOG.warn("etcd compacted the revisions the syncer for {} needed to resume after {} ({}); re-listing",
                prefixes.prefixes(), lastRevision, e.getMessage());
        closeWatch();
        needsList = true;
        cancelRetry();
        queue.add(new SyncerCommand.Connect());
    }

    private void checkProgress() {
        if (watch == null) {
            return;
        }
        Duration quiet = Duration.between(lastActivity, clock.instant());
        if (quiet.compareTo(settings.stallDeadline()) >= 0) {
            LOG.warn("watch on {} silent for {} (no event, no progress notification); treating it as lost",
                    prefixes.prefixes(), quiet);
            lost(new UnavailableException("watch stalled for " + quiet));
        } else if (!watchConfirmed || quiet.compareTo(settings.progressInterval()) >= 0) {
            watch.requestProgress();
        }
    }

    private void lost(Exception cause) {
        if (watch != null || feed.status() != SyncStatus.WAIT_FOR_DATASTORE) {
            LOG.warn("lost the etcd watch on {} after revision {}: {}", prefixes.prefixes(), lastRevision,
                    cause.getMessage());
        }
        closeWatch();
        feed.status(SyncStatus.WAIT_FOR_DATASTORE);
        scheduleRetry();
    }

    private void scheduleRetry() {
        if (retryTimer == null && !closed.get()) {
            Duration delay = backoff.next();
            LOG.debug("reconnecting {} in {}", prefixes.prefixes(), delay);
            retryTimer = scheduler.schedule(delay, () -> queue.add(new SyncerCommand.Connect()));
        }
    }

    private void cancelRetry() {
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
    }

    private void closeWatch() {
        if (watch != null) {
            generation++; // whatever the old watch still has queued is ignored from now on
            try {
                watch.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a dead watch on {} failed: {}", prefixes.prefixes(), e.getMessage());
            }
            watch = null;
        }
    }
}
