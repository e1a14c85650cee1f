package io.tabby.datastore.syncer;

import static io.tabby.datastore.syncer.SyncStatus.IN_SYNC;
import static io.tabby.datastore.syncer.SyncStatus.RESYNC;
import static io.tabby.datastore.syncer.SyncStatus.WAIT_FOR_DATASTORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.datastore.testing.ManualClock;
import io.tabby.datastore.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The syncer against the in-memory store, on a manual clock: no test sleeps. */
class SyncerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOSTS = "/calico/v1/host/";
    private static final String CONFIG = "/calico/v1/config/";
    /** Stall checks far apart, so tests that move time to reconnect never trip them. */
    private static final SyncerSettings QUIET = new SyncerSettings(
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60));

    private final ManualClock clock = new ManualClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final InMemoryBackend backend = new InMemoryBackend(clock);
    private final RecordingConsumer consumer = new RecordingConsumer();
    private Syncer syncer;

    @AfterEach
    void closeAll() {
        if (syncer != null) {
            syncer.close();
        }
        backend.close();
    }

    private Syncer start(SyncerSettings settings, String... prefixes) {
        syncer = new Syncer(backend, List.of(prefixes), consumer, settings, clock, scheduler);
        syncer.start();
        return syncer;
    }

    /** Bounded waits that poll often: every wait here is for another thread, never for the clock. */
    private static ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    private void awaitStatus(SyncStatus status) {
        waiting().until(() -> consumer.lastStatus() == status);
    }

    /** Moves time in steps until the syncer's retry timer has fired and it is in sync again. */
    private void reconnect() {
        waiting().until(() -> {
            scheduler.advance(Duration.ofMillis(250));
            return syncer.status() == IN_SYNC;
        });
    }

    /** Writes a marker key and waits for it: every earlier update has then been delivered. */
    private List<Update> updatesThroughSentinel(String sentinelKey) {
        long rev = backend.put(sentinelKey, "sentinel");
        Update sentinel = new Update(sentinelKey, "sentinel", rev);
        waiting().until(() -> consumer.updates().contains(sentinel));
        List<Update> updates = consumer.updates();
        assertThat(updates.getLast()).isEqualTo(sentinel);
        return updates;
    }

    private Map<String, String> storeView(String... prefixes) {
        Map<String, String> view = new TreeMap<>();
        for (String prefix : prefixes) {
            for (KeyValue kv : backend.list(prefix).kvs()) {
                view.put(kv.key(), kv.value());
            }
        }
        return view;
    }

    private void goDown() {
        backend.setAvailable(false);
        awaitStatus(WAIT_FOR_DATASTORE);
    }

    @Test
    void deliversTheSnapshotThenGoesInSync() {
        long host = backend.put(HOSTS + "node1", "h1");
        long config = backend.put(CONFIG + "LogSeverity", "Info");
        backend.put("/calico/v1/policy/p", "not followed");
        backend.put("/elsewhere", "not followed");

        start(QUIET, HOSTS, CONFIG);
        awaitStatus(IN_SYNC);

        assertThat(consumer.timeline()).containsExactly(
                WAIT_FOR_DATASTORE,
                RESYNC,
                List.of(new Update(CONFIG + "LogSeverity", "Info", config), new Update(HOSTS + "node1", "h1", host)),
                IN_SYNC);
        assertThat(syncer.lastRevision()).isEqualTo(backend.currentRevision());
        assertThat(syncer.relistCount()).isZero();
    }

    @Test
    void deliversLiveUpdatesInRevisionOrder() {
        start(QUIET, HOSTS);
        awaitStatus(IN_SYNC);

        long a1 = backend.put(HOSTS + "a", "1");
        long b1 = backend.put(HOSTS + "b", "1");
        long a2 = backend.update(HOSTS + "a", "2", a1);
        long bGone = backend.delete(HOSTS + "b", b1);
        backend.put("/calico/v1/policy/p", "outside the prefix");
        long txn = backend.commit(List.of(TxnOp.put(HOSTS + "c", "1"), TxnOp.put(HOSTS + "d", "1")));

        assertThat(updatesThroughSentinel(HOSTS + "sentinel")).containsExactly(
                new Update(HOSTS + "a", "1", a1),
                new Update(HOSTS + "b", "1", b1),
                new Update(HOSTS + "a", "2", a2),
                new Update(HOSTS + "b", null, bGone),
                new Update(HOSTS + "c", "1", txn),
                new Update(HOSTS + "d", "1", txn),
                new Update(HOSTS + "sentinel", "sentinel", txn + 1));
        assertThat(consumer.statuses()).containsExactly(WAIT_FOR_DATASTORE, RESYNC, IN_SYNC);
    }

    @Test
    void outageResumesAfterTheLastRevisionWithNothingLostRepeatedOrReListed() {
        long a1 = backend.put(HOSTS + "a", "1");
        long b1 = backend.put(HOSTS + "b", "1");
        start(QUIET, HOSTS);
        awaitStatus(IN_SYNC);
        int before = consumer.updates().size();

        goDown();
        scheduler.advance(Duration.ofSeconds(20)); // retries fail meanwhile; the view must stay whole
        assertThat(consumer.updates()).hasSize(before);
        assertThat(consumer.view()).containsOnlyKeys(HOSTS + "a", HOSTS + "b");

        backend.setAvailable(true);
        long c1 = backend.put(HOSTS + "c", "1");
        long a2 = backend.update(HOSTS + "a", "2", a1);
        long bGone = backend.delete(HOSTS + "b", b1);
        reconnect();

        List<Update> updates = updatesThroughSentinel(HOSTS + "sentinel");
        assertThat(updates.subList(before, updates.size() - 1)).containsExactly(
                new Update(HOSTS + "c", "1", c1),
                new Update(HOSTS + "a", "2", a2),
                new Update(HOSTS + "b", null, bGone));
        assertThat(syncer.relistCount()).isZero();
        assertThat(consumer.statuses()).containsExactly(WAIT_FOR_DATASTORE, RESYNC, IN_SYNC, WAIT_FOR_DATASTORE,
                IN_SYNC);
        assertThat(consumer.view()).isEqualTo(storeView(HOSTS));
    }

    @Test
    void compactionDuringOutageMeansExactlyOneReListAndOnlyTheDifference() {
        backend.put(HOSTS + "unchanged", "1");
        long changed = backend.put(HOSTS + "changed", "1");
        long vanished = backend.put(HOSTS + "vanished", "1");
        long recreated = backend.put(HOSTS + "recreated", "1");
        start(QUIET, HOSTS);
        awaitStatus(IN_SYNC);
        int before = consumer.updates().size();
        goDown();

        backend.setAvailable(true); // the syncer is still waiting for its retry timer
        long changedAgain = backend.update(HOSTS + "changed", "2", changed);
        backend.delete(HOSTS + "vanished", vanished);
        backend.delete(HOSTS + "recreated", recreated);
        long recreatedAgain = backend.create(HOSTS + "recreated", "1");
        long added = backend.put(HOSTS + "added", "1");
        backend.compact(backend.currentRevision());
        long relistRevision = backend.currentRevision();
        reconnect();

        List<Update> updates = updatesThroughSentinel(HOSTS + "sentinel");
        assertThat(updates.subList(before, updates.size() - 1)).containsExactlyInAnyOrder(
                new Update(HOSTS + "changed", "2", changedAgain),
                new Update(HOSTS + "recreated", "1", recreatedAgain),
                new Update(HOSTS + "added", "1", added),
                new Update(HOSTS + "vanished", null, relistRevision));
        assertThat(syncer.relistCount()).isEqualTo(1);
        assertThat(consumer.statuses()).endsWith(WAIT_FOR_DATASTORE, RESYNC, IN_SYNC);
        assertThat(consumer.view()).isEqualTo(storeView(HOSTS));
    }

    @Test
    void followsSeveralPrefixesThroughOneWatchAndFiltersTheRest() {
        backend.put(HOSTS + "h", "1");
        backend.put("/calico/ipam/v2/handle/x", "1");
        start(QUIET, HOSTS, "/calico/ipam/v2/", HOSTS + "nested/"); // the nested prefix adds nothing
        awaitStatus(IN_SYNC);

        backend.put("/calico/v1/policy/p", "under the common prefix only");
        backend.put("/calico/ipam/v2/handle/y", "1");
        backend.put(HOSTS + "nested/n", "1");
        updatesThroughSentinel(HOSTS + "sentinel");

        assertThat(consumer.view()).isEqualTo(storeView(HOSTS, "/calico/ipam/v2/"));
        assertThat(consumer.updates()).extracting(Update::key).doesNotHaveDuplicates()
                .doesNotContain("/calico/v1/policy/p");
    }

    @Test
    void silentStreamIsDetectedAsStalledAndResumed() {
        var settings = new SyncerSettings(
                Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3));
        start(settings, HOSTS);
        awaitStatus(IN_SYNC);

        backend.setWatchesStalled(true); // a black hole: no error, no events, no progress
        long a = backend.put(HOSTS + "a", "1");
        waiting().until(() -> {
            scheduler.advance(Duration.ofMillis(500));
            return consumer.lastStatus() == WAIT_FOR_DATASTORE;
        });
        assertThat(consumer.updates()).isEmpty();

        backend.setWatchesStalled(false);
        long b = backend.put(HOSTS + "b", "1");
        reconnect();

        List<Update> updates = updatesThroughSentinel(HOSTS + "sentinel");
        assertThat(updates.subList(0, 2)).containsExactly(new Update(HOSTS + "a", "1", a),
                new Update(HOSTS + "b", "1", b));
        assertThat(updates).hasSize(3);
        assertThat(syncer.relistCount()).isZero();
    }

    @Test
    void storeDownAtStartWaitsThenListsOnce() {
        backend.put(HOSTS + "a", "1");
        backend.setAvailable(false);
        start(QUIET, HOSTS);
        awaitStatus(WAIT_FOR_DATASTORE);
        scheduler.advance(Duration.ofSeconds(10));

        backend.setAvailable(true);
        reconnect();

        assertThat(consumer.statuses()).containsExactly(WAIT_FOR_DATASTORE, RESYNC, IN_SYNC);
        assertThat(consumer.view()).isEqualTo(storeView(HOSTS));
        assertThat(syncer.relistCount()).isZero();
    }

    @Test
    void retriesWhileDownAreSpacedByTheBackoffNotABusyLoop() {
        var counting = new CountingBackend(backend);
        backend.setAvailable(false);
        syncer = new Syncer(counting, List.of(HOSTS), consumer, QUIET, clock, scheduler);
        syncer.start();

        for (int second = 0; second < 60; second++) {
            // the periodic tick plus the pending retry: the syncer has handled the last attempt
            waiting().until(() -> scheduler.pendingTimers() == 2);
            scheduler.advance(Duration.ofSeconds(1));
        }

        // delays double from 50..100 ms up to 1..2 s, so 60 s hold about 30 to 65 attempts
        assertThat(counting.lists()).isBetween(25, 70);
        assertThat(consumer.updates()).isEmpty();
        assertThat(consumer.statuses()).containsExactly(WAIT_FOR_DATASTORE);
    }

    @Test
    void consumerCallsComeFromOneSyncerThreadAndAFailingConsumerDoesNotStopTheFeed() {
        var throwing = new SyncerCallbacks() {
            boolean thrown;

            @Override
            public void onStatus(SyncStatus status) {
                consumer.onStatus(status);
            }

            @Override
            public void onUpdates(List<Update> updates) {
                consumer.onUpdates(updates);
                if (!thrown) {
                    thrown = true;
                    throw new IllegalStateException("a consumer bug");
                }
            }
        };
        syncer = new Syncer(backend, List.of(HOSTS), throwing, QUIET, clock, scheduler);
        syncer.start();
        awaitStatus(IN_SYNC);

        backend.put(HOSTS + "a", "1");
        backend.put(HOSTS + "b", "1");
        updatesThroughSentinel(HOSTS + "sentinel");

        assertThat(consumer.view()).containsOnlyKeys(HOSTS + "a", HOSTS + "b", HOSTS + "sentinel");
        assertThat(consumer.threadNames()).singleElement().asString().startsWith("syncer ");
    }

    @Test
    void closeStopsTheWatchAndTheCallbacks() {
        start(QUIET, HOSTS);
        awaitStatus(IN_SYNC);
        waiting().until(() -> backend.openWatchCount() == 1);

        syncer.close();
        int seen = consumer.timeline().size();
        backend.put(HOSTS + "a", "1");

        assertThat(backend.openWatchCount()).isZero();
        assertThat(consumer.timeline()).hasSize(seen);
    }
}
