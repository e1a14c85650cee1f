package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Watches against a real etcd: history, order, batches, progress, compaction, close. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EtcdBackendWatchIT {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private final EtcdServer etcd;
    private final Backend backend;

    EtcdBackendWatchIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackend.connect(TestEtcdSettings.of(etcd));
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    @Test
    void replaysHistoryFromAPastRevisionInOrderThenFollows() {
        String prefix = uniquePrefix();
        long r1 = backend.put(prefix + "a", "1");
        long r2 = backend.put(prefix + "b", "2");
        long r3 = backend.delete(prefix + "a", r1);
        long r4 = backend.put(prefix + "b", "3");
        RecordingListener listener = new RecordingListener();

        try (WatchHandle _ = backend.watch(prefix, r1, listener)) {
            await().atMost(BOUND).until(() -> listener.events().size() == 4);
            long r5 = backend.put(prefix + "c", "4");
            await().atMost(BOUND).until(() -> listener.events().size() == 5);

            assertThat(listener.events()).containsExactly(
                    WatchEvent.put(prefix + "a", "1", r1),
                    WatchEvent.put(prefix + "b", "2", r2),
                    WatchEvent.delete(prefix + "a", r3),
                    WatchEvent.put(prefix + "b", "3", r4),
                    WatchEvent.put(prefix + "c", "4", r5));
            assertThat(listener.errors).isEmpty();
            assertThat(listener.threads).allSatisfy(name -> assertThat(name).startsWith("etcd-watch " + prefix));
        }
    }

    @Test
    void startsAtTheGivenRevisionAndSeesOnlyItsPrefix() {
        String prefix = uniquePrefix();
        backend.put(prefix + "before", "x");
        long from = backend.put(prefix + "from", "y");
        backend.put(prefix.substring(0, prefix.length() - 1) + "-other/key", "not mine");
        RecordingListener listener = new RecordingListener();

        try (WatchHandle _ = backend.watch(prefix, from, listener)) {
            long last = backend.put(prefix + "last", "z");
            await().atMost(BOUND).until(() -> listener.events().size() == 2);

            assertThat(listener.events()).extracting(WatchEvent::revision).containsExactly(from, last);
        }
    }

    @Test
    void theEmptyPrefixWatchesEveryKey() {
        String key = uniquePrefix() + "anywhere";
        RecordingListener listener = new RecordingListener();

        try (WatchHandle _ = backend.watch("", backend.currentRevision() + 1, listener)) {
            long written = backend.put(key, "x");
            await().atMost(BOUND).until(() -> !listener.events().isEmpty());

            assertThat(listener.events()).first().isEqualTo(WatchEvent.put(key, "x", written));
        }
    }

    @Test
    void aTransactionArrivesAsOneBatch() {
        String prefix = uniquePrefix();
        RecordingListener listener = new RecordingListener();

        try (WatchHandle _ = backend.watch(prefix, backend.currentRevision() + 1, listener)) {
            long revision = backend.commit(List.of(TxnOp.put(prefix + "a", "1"), TxnOp.put(prefix + "b", "2"),
                    TxnOp.put(prefix + "c", "3")));
            long next = backend.put(prefix + "d", "4");
            await().atMost(BOUND).until(() -> listener.events().size() == 4);

            assertThat(listener.batches).hasSize(2);
            assertThat(listener.batches.getFirst()).extracting(WatchEvent::revision).containsOnly(revision).hasSize(3);
            assertThat(listener.batches.get(1)).extracting(WatchEvent::revision).containsExactly(next);
        }
    }

    @Test
    void progressRequestsAreAnswered() {
        String prefix = uniquePrefix();
        long written = backend.put(prefix + "a", "1");
        RecordingListener listener = new RecordingListener();

        try (WatchHandle watch = backend.watch(prefix, written + 1, listener)) {
            await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> {
                watch.requestProgress();
                return !listener.progress.isEmpty();
            });

            assertThat(listener.progress).allSatisfy(revision -> assertThat(revision).isGreaterThanOrEqualTo(written));
            assertThat(listener.errors).isEmpty();
        }
    }

    @Test
    void watchingFromACompactedRevisionFailsOnceWithTheCompactRevision() {
        String prefix = uniquePrefix();
        long old = backend.put(prefix + "a", "1");
        long compactedTo = backend.put(prefix + "a", "2");
        etcd.compact(compactedTo);
        RecordingListener listener = new RecordingListener();

        try (WatchHandle watch = backend.watch(prefix, old, listener)) {
            await().atMost(BOUND).until(() -> !listener.errors.isEmpty());
            awaitSeenBySentinel(prefix + "after", backend.put(prefix + "after", "3"));

            assertThat(listener.errors).singleElement().isInstanceOfSatisfying(CompactedException.class, e -> {
                assertThat(e.requestedRevision()).isEqualTo(old);
                assertThat(e.compactRevision()).isEqualTo(compactedTo);
            });
            assertThat(listener.events()).isEmpty();
            watch.requestProgress();
        }
    }

    @Test
    void closingStopsDelivery() {
        String prefix = uniquePrefix();
        RecordingListener listener = new RecordingListener();
        WatchHandle watch = backend.watch(prefix, backend.currentRevision() + 1, listener);
        backend.put(prefix + "seen", "1");
        await().atMost(BOUND).until(() -> listener.events().size() == 1);

        watch.close();
        watch.close();
        awaitSeenBySentinel(prefix + "unseen", backend.put(prefix + "unseen", "2"));

        assertThat(listener.events()).extracting(WatchEvent::key).containsExactly(prefix + "seen");
        assertThat(listener.errors).isEmpty();
    }

    @Test
    void closingTheBackendEndsItsWatchesSilently() {
        String prefix = uniquePrefix();
        RecordingListener listener = new RecordingListener();
        Backend other = EtcdBackend.connect(TestEtcdSettings.of(etcd));
        other.watch(prefix, backend.currentRevision() + 1, listener);

        other.close();
        awaitSeenBySentinel(prefix + "after-close", backend.put(prefix + "after-close", "x"));

        assertThat(listener.events()).isEmpty();
        assertThat(listener.errors).isEmpty();
    }

    /** Waits until a fresh watch has seen the write of {@code key}: by then any other watch would have too. */
    private void awaitSeenBySentinel(String key, long revision) {
        RecordingListener sentinel = new RecordingListener();
        try (WatchHandle _ = backend.watch(key, revision, sentinel)) {
            await().atMost(BOUND).until(() -> !sentinel.events().isEmpty());
        }
    }

    private static String uniquePrefix() {
        return "/calico/it/" + UUID.randomUUID() + "/";
    }
}
