package io.tabby.datastore.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One watch: the backend queues signals under its lock (so their order is the write order) and
 * a dedicated thread delivers them to the listener, never holding the backend's lock.
 */
final class InMemoryWatch implements WatchHandle {
    private static final Logger LOG = LogManager.getLogger(InMemoryWatch.class);

    private sealed interface Signal {}

    private record Events(List<WatchEvent> events) implements Signal {}

    private record Progress(long revision) implements Signal {}

    private record Failure(DatastoreException error) implements Signal {}

    /** Wakes the delivery thread after close. */
    private record Stop() implements Signal {}

    private final String prefix;
    private final WatchListener listener;
    private final InMemoryBackend backend;
    private final WatchGate gate;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private boolean failed; // guarded by the backend's lock

    InMemoryWatch(String prefix, WatchListener listener, InMemoryBackend backend, WatchGate gate) {
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.backend = backend;
        this.gate = gate;
    }

    void start() {
        Thread.ofVirtual().name("in-memory-watch " + prefix).start(this::deliver);
    }

    /** Queues the events of one revision that fall under this watch's prefix. Under the backend lock. */
    void offer(List<WatchEvent> revisionEvents) {
        if (failed) {
            return;
        }
        List<WatchEvent> mine = new ArrayList<>();
        for (WatchEvent event : revisionEvents) {
            if (event.key().startsWith(prefix)) {
                mine.add(event);
            }
        }
        if (!mine.isEmpty()) {
            signals.add(new Events(List.copyOf(mine)));
        }
    }

    /** Queues a progress notification behind every event already queued. Under the backend lock. */
    void offerProgress(long revision) {
        if (!failed) {
            signals.add(new Progress(revision));
        }
    }

    /** Queues the one error this watch will report; later offers are dropped. Under the backend lock. */
    void fail(DatastoreException error) {
        if (!failed) {
            failed = true;
            signals.add(new Failure(error));
        }
    }

    boolean failed() {
        return failed;
    }

    @Override
    public void requestProgress() {
        backend.requestProgress(this);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        backend.unregister(this);
        signals.add(new Stop());
        gate.wake();
    }

    private void deliver() {
        try {
            while (!closed) {
                Signal signal = signals.take();
                gate.awaitOpen(() -> closed);
                if (closed) {
                    return;
                }
                switch (signal) {
                    case Events e -> call(() -> listener.onEvents(e.events()));
                    case Progress p -> call(() -> listener.onProgress(p.revision()));
                    case Failure f -> {
                        call(() -> listener.onError(f.error()));
                        return;
                    }
                    case Stop _ -> {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void call(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            LOG.error("watch listener on {} threw; delivery goes on", prefix, e);
        }
    }
}
