package io.tabby.datastore.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.Lease;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link Backend} held in memory with etcd v3's semantics, for unit tests. Thread-safe.
 *
 * <p>Lease deadlines follow the injected clock and are enforced whenever a call reads it (every
 * call below) or on {@link #expireLeases()}; an expired lease's keys are deleted in one revision.
 * Test hooks that act "on the server" ({@link #compact}, {@link #expireLeases},
 * {@link #setAvailable}, {@link #setWatchesStalled}) work even while the store is unavailable.
 * History is kept until {@link #compact}, as etcd keeps it without auto-compaction: a test that
 * writes millions of revisions should compact now and then.
 */
public final class InMemoryBackend implements Backend {

    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final RevisionedStore store = new RevisionedStore();
    private final LeaseTable leases = new LeaseTable();
    private final TxnPlanner planner = new TxnPlanner(store, leases);
    private final WatchGate gate = new WatchGate();
    private final Set<InMemoryWatch> watches = new LinkedHashSet<>();
    private boolean available = true;
    private boolean closed;

    /** A store whose leases run on the system clock. */
    public InMemoryBackend() {
        this(InstantSource.system());
    }

    /** A store whose leases run on {@code clock}, usually a {@link ManualClock}. */
    public InMemoryBackend(InstantSource clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Optional<KeyValue> get(String key) {
        requireNonNull(key, "key is null");
        return call(() -> store.get(key));
    }

    @Override
    public ListResult list(String prefix, long revision) {
        requireNonNull(prefix, "prefix is null");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be 0 (current) or positive, got " + revision);
        }
        return call(() -> {
            long at = revision == 0 ? store.revision() : revision;
            return new ListResult(store.list(prefix, at), at);
        });
    }

    @Override
    public long create(String key, String value, long leaseId) {
        return commit(List.of(new TxnOp.Create(key, value, leaseId)));
    }

    @Override
    public long update(String key, String value, long expectedModRevision) {
        return commit(List.of(TxnOp.update(key, value, expectedModRevision)));
    }

    @Override
    public long put(String key, String value, long leaseId) {
        return commit(List.of(new TxnOp.Put(key, value, leaseId)));
    }

    @Override
    public long delete(String key, long expectedModRevision) {
        return commit(List.of(TxnOp.delete(key, expectedModRevision)));
    }

    @Override
    public long commit(List<TxnOp> ops) {
        List<TxnOp> copy = List.copyOf(requireNonNull(ops, "ops is null"));
        return call(() -> apply(planner.plan(copy)));
    }

    @Override
    public long currentRevision() {
        return call(store::revision);
    }

    @Override
    public Lease grantLease(Duration ttl) {
        return call(() -> leases.grant(ttl, clock.instant()));
    }

    @Override
    public Duration keepAliveOnce(long leaseId) {
        return call(() -> leases.keepAlive(leaseId, clock.instant()));
    }

    @Override
    public void revokeLease(long leaseId) {
        call(() -> {
            if (leases.revoke(leaseId)) {
                deleteLeaseKeys(leaseId);
            }
            return null;
        });
    }

    @Override
    public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(listener, "listener is null");
        if (fromRevision < 0) {
            throw new IllegalArgumentException("fromRevision must be 0 (from now) or positive, got " + fromRevision);
        }
        return call(() -> {
            InMemoryWatch watch = new InMemoryWatch(prefix, listener, this, gate);
            long start = fromRevision == 0 ? store.revision() + 1 : fromRevision;
            if (start < store.compactRevision()) {
                // etcd reports a compacted start revision on the stream, not on the call
                watch.fail(new CompactedException(start, store.compactRevision()));
            } else {
                store.eventsFrom(start).forEach(watch::offer);
                watches.add(watch);
            }
            watch.start();
            return watch;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                failWatches("the in-memory backend was closed");
            }
        } finally {
            lock.unlock();
        }
        gate.setOpen(true);
    }

    /**
     * Takes the store down ({@code false}) or brings it back ({@code true}). While down every call
     * throws {@link UnavailableException}; going down ends every live watch with one
     * {@code onError(UnavailableException)}, as a lost etcd stream does.
     */
    public void setAvailable(boolean available) {
        lock.lock();
        try {
            this.available = available;
            if (!available) {
                failWatches("the in-memory backend was made unavailable");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stalls ({@code true}) or releases every watch stream: while stalled, watches stay open but
     * deliver nothing, neither events nor progress, as over a black-holed connection. On release
     * the held signals are delivered in order to watches that are still open.
     */
    public void setWatchesStalled(boolean stalled) {
        gate.setOpen(!stalled);
    }

    /** Discards history before {@code revision}, as {@code etcdctl compaction} does. */
    public void compact(long revision) {
        lock.lock();
        try {
            store.compact(revision);
        } finally {
            lock.unlock();
        }
    }

    /** The oldest revision still readable ({@code 0} before any compaction). */
    public long compactRevision() {
        lock.lock();
        try {
            return store.compactRevision();
        } finally {
            lock.unlock();
        }
    }

    /** Expires every lease whose deadline has passed on the clock, deleting its keys. */
    public void expireLeases() {
        lock.lock();
        try {
            expireLeasesLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Live watches (opened, not closed, not failed): lets tests check that consumers clean up. */
    public int openWatchCount() {
        lock.lock();
        try {
            return watches.size();
        } finally {
            lock.unlock();
        }
    }

    void requestProgress(InMemoryWatch watch) {
        lock.lock();
        try {
            // a dead stream carries no answer, as with etcd
            if (available && !closed && watches.contains(watch)) {
                watch.offerProgress(store.revision());
            }
        } finally {
            lock.unlock();
        }
    }

    void unregister(InMemoryWatch watch) {
        lock.lock();
        try {
            watches.remove(watch);
        } finally {
            lock.unlock();
        }
    }

    private <T> T call(Supplier<T> body) {
        lock.lock();
        try {
            if (closed) {
                throw new UnavailableException("the in-memory backend is closed");
            }
            if (!available) {
                throw new UnavailableException("the in-memory backend is unavailable (fault injected by the test)");
            }
            expireLeasesLocked();
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    private long apply(List<Mutation> mutations) {
        if (mutations.isEmpty()) {
            return store.revision();
        }
        List<WatchEvent> events = store.write(mutations);
        for (InMemoryWatch watch : watches) {
            watch.offer(events);
        }
        return events.getFirst().revision();
    }

    private void expireLeasesLocked() {
        for (long id : leases.removeExpired(clock.instant())) {
            deleteLeaseKeys(id);
        }
    }

    private void deleteLeaseKeys(long leaseId) {
        List<Mutation> deletes = new ArrayList<>();
        for (String key : store.keysWithLease(leaseId)) {
            deletes.add(Mutation.delete(key));
        }
        apply(deletes);
    }

    private void failWatches(String reason) {
        for (InMemoryWatch watch : watches) {
            watch.fail(new UnavailableException(reason));
        }
        watches.clear();
    }
}
