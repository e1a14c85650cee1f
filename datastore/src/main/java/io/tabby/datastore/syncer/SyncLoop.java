package io.tabby.datastore.syncer;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The syncer's state machine, run by its owner thread: takes commands (watch signals, timer
 * firings) from one queue and alone touches the backend's list and watch calls, the cache and
 * the consumer feed.
 *
 * <pre>
 *   Connect ─► (resume check) ─► [list ─► RESYNC, diff ─► IN_SYNC] ─► watch from last + 1
 *   events ─► filter, drop at or below last ─► cache ─► consumer
 *   error / stall ─► WAIT_FOR_DATASTORE ─► backoff ─► Connect (resume, no list)
 *   compacted ─► Connect with a list (one re-list)
 * </pre>
 */
final class SyncLoop {
    private static final Logger LOG = LogManager.getLogger(SyncLoop.class);
    /** Appended to the watch prefix: no key contains a NUL, and it stays inside the prefix's permissions. */
    private static final String COMPACTION_PROBE = "\u0000";

    private final Backend backend;
    private final KeyPrefixes prefixes;
    private final ConsumerFeed feed;
    private final SyncerSettings settings;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final SnapshotReader reader;
    private final RetryBackoff backoff;
    private final SyncCache cache = new SyncCache();
    private final BlockingQueue<SyncerCommand> queue = new LinkedBlockingQueue<>();
    private final AtomicLong relists = new AtomicLong();
    private volatile long lastRevision;
    private volatile boolean stopping;

    // owned by the owner thread
    private boolean needsList = true;
    private boolean listedOnce;
    private WatchHandle watch;
    private long generation;
    private boolean watchConfirmed;
    private Instant lastActivity;
    private Scheduler.Cancellable retryTimer;
    private Scheduler.Cancellable progressTimer;

    SyncLoop(Backend backend, KeyPrefixes prefixes, ConsumerFeed feed, SyncerSettings settings, InstantSource clock,
            Scheduler scheduler) {
        this.backend = backend;
        this.prefixes = prefixes;
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.reader = new SnapshotReader(backend, prefixes);
        this.backoff = new RetryBackoff(settings.minRetryBackoff(), settings.maxRetryBackoff(), new SplittableRandom());
    }

    /** Asks {@link #run} to close the watch and return. Any thread. */
    void stop() {
        stopping = true;
        queue.add(new SyncerCommand.Stop());
    }

    long relistCount() {
        return relists.get();
    }

    long lastRevision() {
        return lastRevision;
    }

    /** Runs on the owner thread until {@link #stop}. */
    void run() {
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
        if (watch != null) {
            return;
        }
        if (!needsList && !checkResumable()) {
            return;
        }
        // checkResumable may have found that only a list will do
        if (needsList && !list()) {
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

    /**
     * Before resuming, makes sure etcd still has every revision after the last delivered one,
     * and sets {@code needsList} when it does not. Asking first matters: etcd 3.4 answers a
     * progress request on a compacted watch before it cancels it, which would flash IN_SYNC.
     *
     * @return false when etcd could not be asked (a retry is scheduled)
     */
    private boolean checkResumable() {
        try {
            long current = backend.currentRevision();
            if (current < lastRevision) {
                LOG.warn("etcd is at revision {}, behind revision {} already delivered for {}: it was restored or "
                        + "replaced; re-listing everything", current, lastRevision, prefixes.prefixes());
                cache.forgetRevisions();
                needsList = true;
            } else if (current > lastRevision) {
                // a read at the resume revision fails exactly when a watch from it would; the
                // probe prefix matches no key, so the read costs nothing
                backend.list(prefixes.watchPrefix() + COMPACTION_PROBE, lastRevision + 1);
            }
            return true;
        } catch (CompactedException e) {
            logCompaction(e);
            needsList = true;
            return true;
        } catch (DatastoreException e) {
            lost(e);
            return false;
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
        logCompaction(e);
        closeWatch();
        needsList = true;
        cancelRetry();
        queue.add(new SyncerCommand.Connect());
    }

    private void logCompaction(CompactedException e) {
        LOG.warn("etcd compacted the revisions the syncer for {} needed to resume after {} ({}); re-listing",
                prefixes.prefixes(), lastRevision, e.getMessage());
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
        if (retryTimer == null && !stopping) {
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
