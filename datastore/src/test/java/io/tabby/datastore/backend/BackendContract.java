package io.tabby.datastore.backend;

import static io.tabby.datastore.backend.ContractEvents.awaitProgressAtLeast;
import static io.tabby.datastore.backend.ContractEvents.eventsBeforeSentinel;
import static io.tabby.datastore.backend.ContractEvents.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Backend} contract, pinned once and run against every implementation: the in-memory
 * fake in unit tests and real etcd in an integration test. Written only in terms of the interface
 * plus three hooks, so a shared, long-lived etcd can run it: each test works under its own random
 * root prefix and compares revisions relative to what it wrote.
 */
public abstract class BackendContract {

    /** Long enough for a slow machine, short enough that a broken watch fails fast. */
    protected static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test; the same instance throughout one test. */
    protected abstract Backend backend();

    /** Discards the store's history before {@code revision} ({@code etcdctl compaction}). */
    protected abstract void compact(long revision);

    /** Lets {@code amount} of lease time pass: a manual clock moves, a real store really waits. */
    protected abstract void advanceTime(Duration amount);

    private String root;

    @BeforeEach
    void pickRoot() {
        root = "/contract/" + UUID.randomUUID() + "/";
    }

    protected String key(String name) {
        return root + name;
    }

    protected String root() {
        return root;
    }

    // ---- single-key writes and typed failures

    @Test
    void getOfMissingKeyIsEmpty() {
        assertThat(backend().get(key("missing"))).isEmpty();
    }

    @Test
    void createStoresFirstIncarnation() {
        long rev = backend().create(key("a"), "v1");

        assertThat(backend().get(key("a"))).contains(new KeyValue(key("a"), "v1", rev, rev, 1, 0));
        assertThat(backend().currentRevision()).isGreaterThanOrEqualTo(rev);
    }

    @Test
    void createOfExistingKeyFailsAndWritesNothing() {
        backend().create(key("a"), "v1");

        assertThatThrownBy(() -> backend().create(key("a"), "v2"))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.key()).isEqualTo(key("a")));
        assertThat(backend().get(key("a")).orElseThrow().value()).isEqualTo("v1");
    }

    @Test
    void updateAtCurrentModRevisionReplacesValue() {
        long created = backend().create(key("a"), "v1");

        long updated = backend().update(key("a"), "v2", created);

        assertThat(updated).isGreaterThan(created);
        assertThat(backend().get(key("a"))).contains(new KeyValue(key("a"), "v2", created, updated, 2, 0));
    }

    @Test
    void updateAtStaleModRevisionConflicts() {
        long created = backend().create(key("a"), "v1");
        long updated = backend().update(key("a"), "v2", created);

        assertThatThrownBy(() -> backend().update(key("a"), "v3", created))
                .isInstanceOfSatisfying(RevisionConflictException.class, e -> {
                    assertThat(e.key()).isEqualTo(key("a"));
                    assertThat(e.expectedModRevision()).isEqualTo(created);
                    assertThat(e.actualModRevision()).isEqualTo(updated);
                });
        assertThat(backend().get(key("a")).orElseThrow().value()).isEqualTo("v2");
    }

    @Test
    void updateOfMissingKeyIsNotFound() {
        assertThatThrownBy(() -> backend().update(key("missing"), "v", 1))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.key()).isEqualTo(key("missing")));
        assertThat(backend().get(key("missing"))).isEmpty();
    }

    @Test
    void deleteAtCurrentModRevisionRemovesKey() {
        long created = backend().create(key("a"), "v1");

        long deleted = backend().delete(key("a"), created);

        assertThat(deleted).isGreaterThan(created);
        assertThat(backend().get(key("a"))).isEmpty();
    }

    @Test
    void deleteAtStaleModRevisionConflictsAndKeepsKey() {
        long created = backend().create(key("a"), "v1");
        long updated = backend().update(key("a"), "v2", created);

        assertThatThrownBy(() -> backend().delete(key("a"), created))
                .isInstanceOfSatisfying(RevisionConflictException.class,
                        e -> assertThat(e.actualModRevision()).isEqualTo(updated));
        assertThat(backend().get(key("a"))).isPresent();
    }

    @Test
    void deleteOfMissingKeyIsNotFound() {
        assertThatThrownBy(() -> backend().delete(key("missing"), 1))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.key()).isEqualTo(key("missing")));
    }

    @Test
    void putCreatesThenOverwritesWhateverTheState() {
        long first = backend().put(key("a"), "v1");
        long second = backend().put(key("a"), "v2");

        assertThat(second).isGreaterThan(first);
        assertThat(backend().get(key("a"))).contains(new KeyValue(key("a"), "v2", first, second, 2, 0));
    }

    @Test
    void keyCreatedAgainAfterDeleteIsANewIncarnation() {
        long created = backend().create(key("a"), "v1");
        backend().delete(key("a"), backend().update(key("a"), "v2", created));

        long again = backend().create(key("a"), "v3");

        assertThat(backend().get(key("a"))).contains(new KeyValue(key("a"), "v3", again, again, 1, 0));
    }

    @Test
    void everyWriteHasItsOwnIncreasingRevision() {
        long a = backend().put(key("a"), "1");
        long b = backend().create(key("b"), "1");
        long c = backend().update(key("a"), "2", a);
        long d = backend().delete(key("b"), b);

        assertThat(List.of(a, b, c, d)).isSorted().doesNotHaveDuplicates();
        assertThat(backend().currentRevision()).isGreaterThanOrEqualTo(d);
    }

    // ---- lists, now and in the past

    @Test
    void listReturnsOnlyThePrefixSortedByKey() {
        backend().put(key("dir/c"), "3");
        backend().put(key("dir/a"), "1");
        long last = backend().put(key("dir/b"), "2");
        backend().put(key("dirt"), "outside: shares the characters, not the directory");
        backend().put(key("other/a"), "outside");

        ListResult result = backend().list(key("dir/"));

        assertThat(result.kvs()).extracting(KeyValue::key).containsExactly(key("dir/a"), key("dir/b"), key("dir/c"));
        assertThat(result.kvs()).extracting(KeyValue::value).containsExactly("1", "2", "3");
        assertThat(result.revision()).isGreaterThan(last);
    }

    @Test
    void listAtPastRevisionShowsTheStoreAsItWas() {
        long r1 = backend().put(key("a"), "a1");
        long r2 = backend().put(key("b"), "b1");
        long r3 = backend().put(key("a"), "a2");
        long r4 = backend().delete(key("b"), r2);
        backend().put(key("c"), "c1");

        assertThat(values(backend().list(root(), r1))).isEqualTo(Map.of(key("a"), "a1"));
        assertThat(values(backend().list(root(), r2))).isEqualTo(Map.of(key("a"), "a1", key("b"), "b1"));
        assertThat(values(backend().list(root(), r3))).isEqualTo(Map.of(key("a"), "a2", key("b"), "b1"));
        assertThat(values(backend().list(root(), r4))).isEqualTo(Map.of(key("a"), "a2"));
        assertThat(values(backend().list(root()))).isEqualTo(Map.of(key("a"), "a2", key("c"), "c1"));
        assertThat(backend().list(root(), r2).revision()).isEqualTo(r2);
        assertThat(backend().list(root(), r2).kvs().getFirst().modRevision()).isEqualTo(r1);
    }

    @Test
    void listBelowCompactedRevisionFails() {
        long r1 = backend().put(key("a"), "a1");
        long r2 = backend().put(key("a"), "a2");

        compact(r2);

        assertThatThrownBy(() -> backend().list(root(), r1)).isInstanceOf(CompactedException.class);
        assertThat(values(backend().list(root(), r2))).isEqualTo(Map.of(key("a"), "a2"));
    }

    // ---- transactions

    @Test
    void commitAppliesEveryOpAtOneRevision() {
        long a = backend().create(key("a"), "a1");
        long b = backend().create(key("b"), "b1");
        backend().put(key("dir/x"), "x");
        backend().put(key("dir/y"), "y");

        long rev = backend().commit(List.of(
                TxnOp.create(key("c"), "c1"),
                TxnOp.update(key("a"), "a2", a),
                TxnOp.put(key("e"), "e1"),
                TxnOp.delete(key("b"), b),
                TxnOp.remove(key("never-there")),
                TxnOp.deletePrefix(key("dir/"))));

        assertThat(backend().list(root()).kvs()).extracting(KeyValue::key, KeyValue::value, KeyValue::modRevision)
                .containsExactly(
                        tuple(key("a"), "a2", rev),
                        tuple(key("c"), "c1", rev),
                        tuple(key("e"), "e1", rev));
    }

    @Test
    void commitWithAFailingOpWritesNothingAndReportsTheFirstFailure() {
        backend().create(key("a"), "a1");
        long b = backend().create(key("b"), "b1");
        backend().update(key("b"), "b2", b);
        long before = backend().currentRevision();

        assertThatThrownBy(() -> backend().commit(List.of(
                TxnOp.put(key("x"), "x"),
                TxnOp.create(key("a"), "again"),
                TxnOp.update(key("b"), "b3", b))))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> assertThat(e.key()).isEqualTo(key("a")));
        assertThatThrownBy(() -> backend().commit(List.of(
                TxnOp.put(key("x"), "x"),
                TxnOp.update(key("b"), "b3", b),
                TxnOp.create(key("a"), "again"))))
                .isInstanceOfSatisfying(RevisionConflictException.class, e -> assertThat(e.key()).isEqualTo(key("b")));
        assertThatThrownBy(() -> backend().commit(List.of(
                TxnOp.delete(key("missing"), 1),
                TxnOp.create(key("a"), "again"))))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.key()).isEqualTo(key("missing")));

        assertThat(backend().get(key("x"))).isEmpty();
        assertThat(values(backend().list(root()))).isEqualTo(Map.of(key("a"), "a1", key("b"), "b2"));
        assertThat(backend().currentRevision()).isEqualTo(before);
    }

    @Test
    void unchangedCommitsOnlyWhileTheCheckedKeyIsAsSeen() {
        long pool = backend().create(key("pool"), "p1");

        long rev = backend().commit(List.of(TxnOp.unchanged(key("pool"), pool), TxnOp.unchanged(key("absent"), 0),
                TxnOp.put(key("block"), "b1")));
        assertThat(backend().get(key("block")).orElseThrow().modRevision()).isEqualTo(rev);
        assertThat(backend().get(key("pool")).orElseThrow().modRevision()).isEqualTo(pool);
        assertThat(backend().get(key("absent"))).isEmpty();

        long changed = backend().update(key("pool"), "p2", pool);
        assertThatThrownBy(() -> backend().commit(List.of(TxnOp.unchanged(key("pool"), pool),
                TxnOp.put(key("block"), "b2"))))
                .isInstanceOfSatisfying(RevisionConflictException.class, e -> assertThat(e.key()).isEqualTo(key("pool")));
        assertThatThrownBy(() -> backend().commit(List.of(TxnOp.unchanged(key("pool"), 0),
                TxnOp.put(key("block"), "b2"))))
                .isInstanceOf(AlreadyExistsException.class);
        backend().delete(key("pool"), changed);
        assertThatThrownBy(() -> backend().commit(List.of(TxnOp.unchanged(key("pool"), changed),
                TxnOp.put(key("block"), "b2"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(backend().get(key("block")).orElseThrow().value()).isEqualTo("b1");
    }

    @Test
    void commitThatWritesNothingReturnsTheCurrentRevision() {
        backend().put(key("a"), "a1");
        long before = backend().currentRevision();

        assertThat(backend().commit(List.of(TxnOp.remove(key("missing")), TxnOp.deletePrefix(key("none/")))))
                .isEqualTo(before);
        assertThat(backend().currentRevision()).isEqualTo(before);
    }

    // ---- watches

    @Test
    void watchReplaysHistoryThenDeliversLiveEventsInOrderOnce() {
        long r1 = backend().put(key("a"), "a1");
        long r2 = backend().put(key("b"), "b1");
        long r3 = backend().put(key("a"), "a2");
        var listener = new RecordingListener();

        try (WatchHandle _ = backend().watch(root(), r1, listener)) {
            await().atMost(WAIT).until(() -> listener.events().size() >= 3);
            long r4 = backend().commit(List.of(TxnOp.put(key("c"), "c1"), TxnOp.delete(key("b"), r2)));
            backend().put("/contract-elsewhere/" + UUID.randomUUID(), "not under the watched prefix");
            long r5 = backend().put(key("d"), "d1");
            long r6 = backend().commit(List.of(TxnOp.deletePrefix(root())));

            assertThat(eventsBeforeSentinel(backend(), listener, key("sentinel"))).containsExactly(
                    WatchEvent.put(key("a"), "a1", r1),
                    WatchEvent.put(key("b"), "b1", r2),
                    WatchEvent.put(key("a"), "a2", r3),
                    WatchEvent.put(key("c"), "c1", r4),
                    WatchEvent.delete(key("b"), r4),
                    WatchEvent.put(key("d"), "d1", r5),
                    WatchEvent.delete(key("a"), r6),
                    WatchEvent.delete(key("c"), r6),
                    WatchEvent.delete(key("d"), r6));
            assertThat(listener.revisionsSplitAcrossBatches()).as("revisions split across batches").isEmpty();
            assertThat(listener.errors()).isEmpty();
        }
    }

    @Test
    void watchFromALaterRevisionSkipsEarlierEvents() {
        backend().put(key("a"), "a1");
        long r2 = backend().put(key("b"), "b1");
        var listener = new RecordingListener();

        try (WatchHandle _ = backend().watch(root(), r2, listener)) {
            long r3 = backend().put(key("a"), "a2");

            assertThat(eventsBeforeSentinel(backend(), listener, key("sentinel"))).containsExactly(
                    WatchEvent.put(key("b"), "b1", r2), WatchEvent.put(key("a"), "a2", r3));
        }
    }

    @Test
    void watchSeesOnlyKeysUnderItsPrefix() {
        long start = backend().currentRevision() + 1;
        var listener = new RecordingListener();

        try (WatchHandle _ = backend().watch(key("dir/"), start, listener)) {
            backend().put(key("dirt"), "outside");
            backend().put(key("other"), "outside");
            long inside = backend().put(key("dir/a"), "inside");

            assertThat(eventsBeforeSentinel(backend(), listener, key("dir/sentinel")))
                    .containsExactly(WatchEvent.put(key("dir/a"), "inside", inside));
        }
    }

    @Test
    void progressRequestIsAnsweredWithARevisionCoveringEverythingWritten() {
        long written = backend().put(key("a"), "a1");
        var listener = new RecordingListener();

        try (WatchHandle handle = backend().watch(root(), written + 1, listener)) {
            awaitProgressAtLeast(handle, listener, written);

            assertThat(listener.events()).isEmpty();
            assertThat(listener.errors()).isEmpty();
        }
    }

    @Test
    void watchFromCompactedRevisionFailsWithCompacted() {
        long r1 = backend().put(key("a"), "a1");
        long r2 = backend().put(key("a"), "a2");
        compact(r2);
        var listener = new RecordingListener();

        WatchHandle handle;
        try {
            handle = backend().watch(root(), r1, listener);
        } catch (CompactedException thrownInsteadOfDelivered) {
            return;
        }
        try (handle) {
            await().atMost(WAIT).until(() -> !listener.errors().isEmpty());
            assertThat(listener.errors()).singleElement().isInstanceOf(CompactedException.class);
            assertThat(listener.events()).isEmpty();
        }
    }

    @Test
    void closedWatchDeliversNothingMoreAndClosesTwiceHarmlessly() {
        var closedListener = new RecordingListener();
        var openListener = new RecordingListener();
        long start = backend().currentRevision() + 1;
        WatchHandle closed = backend().watch(root(), start, closedListener);

        closed.close();
        closed.close();

        try (WatchHandle _ = backend().watch(root(), start, openListener)) {
            long written = backend().put(key("a"), "after close");
            assertThat(eventsBeforeSentinel(backend(), openListener, key("sentinel")))
                    .containsExactly(WatchEvent.put(key("a"), "after close", written));
        }
        assertThat(closedListener.events()).isEmpty();
    }

    // ---- leases (short TTLs: a real etcd must pass these in seconds; its minimum TTL is 2 s)

    @Test
    void updateDetachesTheKeyFromItsLease() {
        Lease lease = backend().grantLease(Duration.ofSeconds(30));
        long created = backend().create(key("a"), "a1", lease.id());

        backend().update(key("a"), "a2", created);
        backend().revokeLease(lease.id());

        assertThat(backend().get(key("a")).orElseThrow()).extracting(KeyValue::value, KeyValue::leaseId)
                .containsExactly("a2", 0L);
    }

    @Test
    void leasedKeyCarriesTheLeaseAndRevokeDeletesItsKeysInOneRevision() {
        Lease lease = backend().grantLease(Duration.ofSeconds(30));
        backend().create(key("a"), "a1", lease.id());
        backend().put(key("b"), "b1", lease.id());
        backend().put(key("unleased"), "stays");
        var listener = new RecordingListener();

        try (WatchHandle _ = backend().watch(root(), backend().currentRevision() + 1, listener)) {
            assertThat(lease.ttl()).isEqualTo(Duration.ofSeconds(30));
            assertThat(backend().get(key("a")).orElseThrow().leaseId()).isEqualTo(lease.id());
            assertThat(backend().get(key("unleased")).orElseThrow().leaseId()).isZero();

            backend().revokeLease(lease.id());
            long after = backend().currentRevision();

            assertThat(values(backend().list(root()))).isEqualTo(Map.of(key("unleased"), "stays"));
            List<WatchEvent> events = eventsBeforeSentinel(backend(), listener, key("sentinel"));
            assertThat(events).extracting(WatchEvent::type, WatchEvent::key).containsExactly(
                    tuple(WatchEvent.Type.DELETE, key("a")),
                    tuple(WatchEvent.Type.DELETE, key("b")));
            assertThat(events).extracting(WatchEvent::revision).containsOnly(after);
        }
        assertThatThrownBy(() -> backend().keepAliveOnce(lease.id())).isInstanceOf(NotFoundException.class);
        backend().revokeLease(lease.id()); // unknown by now: a no-op
    }

    @Test
    void keepAliveRestartsTheCountdown() {
        Lease lease = backend().grantLease(Duration.ofSeconds(3));
        backend().create(key("a"), "a1", lease.id());

        advanceTime(Duration.ofSeconds(2));
        assertThat(backend().keepAliveOnce(lease.id())).isEqualTo(Duration.ofSeconds(3));
        advanceTime(Duration.ofSeconds(2));

        // 4 s after the grant, past the original 3 s, inside the refreshed deadline at 5 s
        assertThat(backend().get(key("a"))).isPresent();
        backend().revokeLease(lease.id());
    }

    @Test
    void expiredLeaseDeletesItsKeys() {
        Lease lease = backend().grantLease(Duration.ofSeconds(2));
        backend().create(key("a"), "a1", lease.id());
        var listener = new RecordingListener();

        try (WatchHandle _ = backend().watch(root(), backend().currentRevision() + 1, listener)) {
            advanceTime(Duration.ofSeconds(3));

            await().atMost(WAIT).until(() -> backend().get(key("a")).isEmpty());
            assertThatThrownBy(() -> backend().keepAliveOnce(lease.id())).isInstanceOf(NotFoundException.class);
            assertThat(eventsBeforeSentinel(backend(), listener, key("sentinel")))
                    .extracting(WatchEvent::type, WatchEvent::key)
                    .containsExactly(tuple(WatchEvent.Type.DELETE, key("a")));
        }
    }
}
