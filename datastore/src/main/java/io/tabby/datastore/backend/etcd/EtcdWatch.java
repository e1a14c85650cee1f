package io.tabby.datastore.backend.etcd;

import static io.tabby.datastore.backend.etcd.EtcdKeyValues.text;
import static java.util.Objects.requireNonNull;

import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One watch on a prefix, with the guarantees jetcd does not give: events strictly after the last
 * delivered revision (never twice), whole revisions per batch, and after the first failure one
 * {@code onError} and silence. jetcd would quietly re-open a failed stream from where it thinks
 * it was; instead the jetcd watcher is closed at the first error and resuming is left to the
 * caller (the syncer), which re-lists and knows what it has seen.
 *
 * <p>jetcd calls back on gRPC event-loop threads. Those callbacks only enqueue; one virtual
 * thread per watch runs the listener, so a slow listener never stalls the connection (its
 * backlog queues in memory) and all state below is touched by that thread alone.
 *
 * <p>Progress: etcd answers a progress request with its current revision. Before the fix for
 * etcd-io/etcd#15220 (so on the etcd 3.4.23 Debian ships) that answer can overtake events a
 * watch that started in the past has not received yet; {@code onProgress(r)} then proves the
 * watch alive but not that everything up to {@code r} has arrived.
 */
final class EtcdWatch implements WatchHandle {

    private static final Logger LOG = LogManager.getLogger(EtcdWatch.class);

    private final String prefix;
    private final long fromRevision;
    private final WatchListener listener;
    private final EtcdErrors errors;
    private final ExecutorService delivery;
    private final Consumer<EtcdWatch> onClosed;
    private volatile Watch.Watcher watcher;
    private volatile boolean stopped;
    /** Highest revision handed to the listener; only the delivery thread touches it. */
    private long lastDelivered;

    private EtcdWatch(String prefix, long fromRevision, WatchListener listener, EtcdErrors errors,
            Consumer<EtcdWatch> onClosed) {
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.fromRevision = fromRevision;
        this.listener = requireNonNull(listener, "listener is null");
        this.errors = requireNonNull(errors, "errors is null");
        this.onClosed = requireNonNull(onClosed, "onClosed is null");
        this.delivery = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("etcd-watch " + prefix).factory());
        this.lastDelivered = fromRevision - 1;
    }

    /**
     * Opens the watch. {@code onClosed} runs when the watch dies, closed by its owner or by a
     * failure (possibly more than once, so it must be idempotent).
     */
    static EtcdWatch start(Watch client, String prefix, long fromRevision, WatchListener listener, EtcdErrors errors,
            Consumer<EtcdWatch> onClosed) {
        EtcdWatch watch = new EtcdWatch(prefix, fromRevision, listener, errors, onClosed);
        WatchOption option = WatchOption.builder()
                .withRange(EtcdKeyValues.rangeEnd(prefix))
                .withRevision(fromRevision)
                // a member cut off from its cluster cancels the watch instead of going silent
                .withRequireLeader(true)
                .build();
        try {
            watch.watcher = client.watch(EtcdKeyValues.rangeStart(prefix), option, watch.new Callbacks());
        } catch (RuntimeException e) {
            watch.stopped = true;
            watch.release();
            throw errors.map(e, watch.operation(), fromRevision);
        }
        if (watch.stopped) {
            // it failed before we had the watcher in hand
            watch.watcher.close();
        }
        return watch;
    }

    /** Whether the watch is closed or failed. */
    boolean isStopped() {
        return stopped;
    }

    @Override
    public void requestProgress() {
        Watch.Watcher current = watcher;
        if (!stopped && current != null) {
            current.requestProgress();
        }
    }

    @Override
    public void close() {
        stopped = true;
        release();
    }

    /** Closes jetcd's watcher and the delivery thread; safe to repeat. */
    private void release() {
        Watch.Watcher current = watcher;
        if (current != null) {
            current.close();
        }
        delivery.shutdown();
        onClosed.accept(this);
    }

    private String operation() {
        return "watch " + prefix + " from revision " + fromRevision;
    }

    private void enqueue(Runnable task) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException closed) {
            // closed: nothing more is delivered
        }
    }

    private void deliver(WatchResponse response) {
        if (stopped) {
            return;
        }
        if (response.isProgressNotify()) {
            listener.onProgress(response.getHeader().getRevision());
            return;
        }
        List<WatchEvent> batch = new ArrayList<>();
        long batchRevision = 0;
        for (io.etcd.jetcd.watch.WatchEvent event : response.getEvents()) {
            long revision = event.getKeyValue().getModRevision();
            if (revision <= lastDelivered) {
                continue; // already delivered: a replay after a resume we did not ask for
            }
            if (revision != batchRevision && !batch.isEmpty()) {
                hand(batch, batchRevision);
                batch = new ArrayList<>();
            }
            batchRevision = revision;
            batch.add(convert(event, revision));
        }
        if (!batch.isEmpty()) {
            hand(batch, batchRevision);
        }
    }

    private void hand(List<WatchEvent> batch, long revision) {
        lastDelivered = revision;
        if (!stopped) {
            listener.onEvents(List.copyOf(batch));
        }
    }

    private void fail(DatastoreException error) {
        if (stopped) {
            return;
        }
        stopped = true;
        LOG.debug("{} failed: {}", operation(), error.getMessage());
        try {
            listener.onError(error);
        } finally {
            release();
        }
    }

    private DatastoreException toError(Throwable failure) {
        RuntimeException mapped = errors.map(failure, operation(), fromRevision);
        if (mapped instanceof DatastoreException typed) {
            return typed;
        }
        return new UnavailableException(operation() + " failed: " + mapped.getMessage(), mapped);
    }

    private static WatchEvent convert(io.etcd.jetcd.watch.WatchEvent event, long revision) {
        String key = text(event.getKeyValue().getKey());
        return switch (event.getEventType()) {
            case PUT -> WatchEvent.put(key, text(event.getKeyValue().getValue()), revision);
            case DELETE -> WatchEvent.delete(key, revision);
            case UNRECOGNIZED -> throw new IllegalStateException("etcd sent an event of unknown type for " + key);
        };
    }

    /** jetcd's callbacks: hand everything to the delivery thread. */
    private final class Callbacks implements Watch.Listener {

        @Override
        public void onNext(WatchResponse response) {
            enqueue(() -> {
                try {
                    deliver(response);
                } catch (RuntimeException e) {
                    LOG.error("the listener of {} threw; the watch goes on", operation(), e);
                }
            });
        }

        @Override
        public void onError(Throwable throwable) {
            // jetcd re-opens the stream by itself 500 ms later; whatever that stream sends is queued behind this
            DatastoreException error = toError(throwable);
            enqueue(() -> fail(error));
        }

        @Override
        public void onCompleted() {
            enqueue(() -> fail(new UnavailableException("etcd closed " + operation() + " without an error")));
        }
    }
}
