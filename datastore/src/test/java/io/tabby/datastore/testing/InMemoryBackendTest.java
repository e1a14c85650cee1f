package io.tabby.datastore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.BackendContract;
import io.tabby.datastore.backend.CompactedException;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.WatchEvent;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared contract on the in-memory store, plus its test hooks and fault injection. */
class InMemoryBackendTest extends BackendContract {
    private final ManualClock clock = new ManualClock();
    private final InMemoryBackend backend = new InMemoryBackend(clock);

    @Override
    protected Backend backend() {
        return backend;
    }

    @Override
    protected void compact(long revision) {
        backend.compact(revision);
    }

    @Override
    protected void advanceTime(Duration amount) {
        clock.advance(amount);
    }

    @AfterEach
    void closeBackend() {
        backend.close();
    }

    /** Keeps what a watch reports, and on which thread. */
    private static final class Recorder implements WatchListener {
        final List<WatchEvent> events = new CopyOnWriteArrayList<>();
        final List<Long> progress = new CopyOnWriteArrayList<>();
        final List<DatastoreException> errors = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onEvents(List<WatchEvent> batch) {
            threads.add(Thread.currentThread());
            events.addAll(batch);
        }

        @Override
        public void onProgress(long revision) {
            progress.add(revision);
        }

        @Override
        public void onError(DatastoreException error) {
            errors.add(error);
        }
    }

    @Test
    void storeStartsAtRevisionOneAndTheFirstWriteIsTwo() {
        assertThat(backend.currentRevision()).isEqualTo(1);
        assertThat(backend.put("/k", "v")).isEqualTo(2);
    }

    @Test
    void eventsAreDeliveredOnTheWatchThreadNotTheWriters() {
        var recorder = new Recorder();
        try (WatchHandle ignored = backend.watch("/", 0, recorder)) {
            backend.put("/a", "1");
            await().atMost(WAIT).until(() -> recorder.events.size() == 1);
        }
        assertThat(recorder.threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void unavailableStoreRefusesCallsAndEndsWatchesWithOneError() {
        backend.put("/a", "1");
        var recorder = new Recorder();
        WatchHandle handle = backend.watch("/", 0, recorder);

        backend.setAvailable(false);

        await().atMost(WAIT).until(() -> !recorder.errors.isEmpty());
        assertThat(recorder.errors).singleElement().isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> backend.get("/a")).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> backend.put("/b", "1")).isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> backend.watch("/", 0, new Recorder())).isInstanceOf(UnavailableException.class);
        assertThat(backend.openWatchCount()).isZero();
        handle.close();

        backend.setAvailable(true);

        assertThat(backend.get("/a").orElseThrow().value()).isEqualTo("1");
        assertThat(recorder.errors).hasSize(1);
    }

    @Test
    void stalledWatchesHoldEverythingUntilReleased() {
        var recorder = new Recorder();
        try (WatchHandle handle = backend.watch("/", 0, recorder)) {
            backend.setWatchesStalled(true);
            long rev = backend.put("/a", "1");
            handle.requestProgress();
            long later = backend.put("/b", "1");

            backend.setWatchesStalled(false);

            await().atMost(WAIT).until(() -> recorder.events.size() == 2 && recorder.progress.size() == 1);
            assertThat(recorder.events).extracting(WatchEvent::revision).containsExactly(rev, later);
            assertThat(recorder.progress).containsExactly(rev);
        }
    }

    @Test
    void closedStalledWatchDeliversNothingOnRelease() {
        var recorder = new Recorder();
        WatchHandle handle = backend.watch("/", 0, recorder);
        backend.setWatchesStalled(true);
        backend.put("/a", "1");

        handle.close();
        backend.setWatchesStalled(false);

        var witness = new Recorder();
        try (WatchHandle other = backend.watch("/", 1, witness)) {
            await().atMost(WAIT).until(() -> witness.events.size() == 1);
        }
        assertThat(recorder.events).isEmpty();
        assertThat(backend.openWatchCount()).isZero();
    }

    @Test
    void watchStartingExactlyAtTheCompactRevisionStillWorks() {
        backend.put("/a", "1");
        long kept = backend.put("/a", "2");
        backend.compact(kept);
        var recorder = new Recorder();

        try (WatchHandle ignored = backend.watch("/", kept, recorder)) {
            await().atMost(WAIT).until(() -> recorder.events.size() == 1);
        }
        assertThat(recorder.events).containsExactly(WatchEvent.put("/a", "2", kept));
        assertThat(backend.compactRevision()).isEqualTo(kept);
    }

    @Test
    void compactingDropsKeysDeletedBeforeTheCompactRevision() {
        long created = backend.put("/a", "1");
        backend.delete("/a", created);
        long now = backend.put("/b", "1");

        backend.compact(now);

        assertThat(backend.list("/", now).kvs()).extracting(kv -> kv.key()).containsExactly("/b");
        assertThatThrownBy(() -> backend.compact(now)).isInstanceOf(CompactedException.class);
        assertThatThrownBy(() -> backend.compact(now + 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explicitExpiryDeletesLeasedKeysWithoutAnyCall() {
        var lease = backend.grantLease(Duration.ofSeconds(5));
        backend.put("/a", "1", lease.id());
        backend.put("/b", "1", lease.id());
        var recorder = new Recorder();
        try (WatchHandle ignored = backend.watch("/", 0, recorder)) {
            clock.advance(Duration.ofSeconds(5));
            backend.expireLeases();

            await().atMost(WAIT).until(() -> recorder.events.size() == 2);
        }
        assertThat(recorder.events).extracting(WatchEvent::type).containsOnly(WatchEvent.Type.DELETE);
        long deleteRevision = recorder.events.getFirst().revision();
        assertThat(recorder.events).extracting(WatchEvent::revision).containsOnly(deleteRevision);
    }

    @Test
    void writingWithAnUnknownLeaseIsNotFound() {
        assertThatThrownBy(() -> backend.put("/a", "1", 12345)).hasMessageContaining("lease 12345 not found");
        assertThat(backend.get("/a")).isEmpty();
    }

    @Test
    void transactionThatTouchesAKeyTwiceIsRefused() {
        assertThatThrownBy(() -> backend.commit(List.of(TxnOp.put("/a", "1"), TxnOp.put("/a", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/a");
        assertThatThrownBy(() -> backend.commit(List.of(TxnOp.put("/d/a", "1"), TxnOp.deletePrefix("/d/"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/d/a");
        assertThat(backend.currentRevision()).isEqualTo(1);
    }

    @Test
    void closedStoreFailsItsWatchesAndRefusesCalls() {
        var recorder = new Recorder();
        backend.watch("/", 0, recorder);

        backend.close();

        await().atMost(WAIT).until(() -> recorder.errors.size() == 1);
        assertThatThrownBy(backend::currentRevision).isInstanceOf(UnavailableException.class);
    }
}
