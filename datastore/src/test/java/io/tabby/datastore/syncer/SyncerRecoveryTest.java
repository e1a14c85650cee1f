package io.tabby.datastore.syncer;

import io.tabby.datastore.testing.ForwardingBackend;

import static io.tabby.datastore.syncer.SyncStatus.IN_SYNC;
import static io.tabby.datastore.syncer.SyncStatus.RESYNC;
import static io.tabby.datastore.syncer.SyncStatus.WAIT_FOR_DATASTORE;
import static io.tabby.datastore.syncer.SyncerHarness.HOSTS;
import static io.tabby.datastore.syncer.SyncerHarness.QUIET;
import static io.tabby.datastore.syncer.SyncerHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.WatchHandle;
import io.tabby.datastore.backend.WatchListener;
import io.tabby.datastore.testing.CountingBackend;
import io.tabby.datastore.testing.InMemoryBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The syncer through outages, compaction, stalls and a replaced store (users-and-reliability §C 1–3). */
class SyncerRecoveryTest {
    private final SyncerHarness harness = new SyncerHarness();
    private final InMemoryBackend backend = harness.backend;
    private final RecordingConsumer consumer = harness.consumer;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void outageResumesAfterTheLastRevisionWithNothingLostRepeatedOrReListed() {
        long a1 = backend.put(HOSTS + "a", "1");
        long b1 = backend.put(HOSTS + "b", "1");
        Syncer syncer = harness.start(QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);
        int before = consumer.updates().size();

        harness.goDown();
        harness.scheduler.advance(Duration.ofSeconds(20)); // retries fail meanwhile; the view must stay whole
        assertThat(consumer.updates()).hasSize(before);
        assertThat(consumer.view()).containsOnlyKeys(HOSTS + "a", HOSTS + "b");

        backend.setAvailable(true);
        long c1 = backend.put(HOSTS + "c", "1");
        long a2 = backend.update(HOSTS + "a", "2", a1);
        long bGone = backend.delete(HOSTS + "b", b1);
        harness.reconnect();

        List<Update> updates = harness.updatesThroughSentinel(HOSTS + "sentinel");
        assertThat(updates.subList(before, updates.size() - 1)).containsExactly(
                new Update(HOSTS + "c", "1", c1),
                new Update(HOSTS + "a", "2", a2),
                new Update(HOSTS + "b", null, bGone));
        assertThat(syncer.relistCount()).isZero();
        assertThat(consumer.statuses())
                .containsExactly(WAIT_FOR_DATASTORE, RESYNC, IN_SYNC, WAIT_FOR_DATASTORE, IN_SYNC);
        assertThat(consumer.view()).isEqualTo(harness.storeView(HOSTS));
    }

    @Test
    void compactionDuringOutageMeansExactlyOneReListAndOnlyTheDifference() {
        backend.put(HOSTS + "unchanged", "1");
        long changed = backend.put(HOSTS + "changed", "1");
        long vanished = backend.put(HOSTS + "vanished", "1");
        long recreated = backend.put(HOSTS + "recreated", "1");
        Syncer syncer = harness.start(QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);
        int before = consumer.updates().size();
        harness.goDown();

        backend.setAvailable(true); // the syncer is still waiting for its retry timer
        long changedAgain = backend.update(HOSTS + "changed", "2", changed);
        backend.delete(HOSTS + "vanished", vanished);
        backend.delete(HOSTS + "recreated", recreated);
        long recreatedAgain = backend.create(HOSTS + "recreated", "1");
        long added = backend.put(HOSTS + "added", "1");
        backend.compact(backend.currentRevision());
        long relistRevision = backend.currentRevision();
        harness.reconnect();

        List<Update> updates = harness.updatesThroughSentinel(HOSTS + "sentinel");
        assertThat(updates.subList(before, updates.size() - 1)).containsExactlyInAnyOrder(
                new Update(HOSTS + "changed", "2", changedAgain),
                new Update(HOSTS + "recreated", "1", recreatedAgain),
                new Update(HOSTS + "added", "1", added),
                new Update(HOSTS + "vanished", null, relistRevision));
        assertThat(syncer.relistCount()).isEqualTo(1);
        assertThat(consumer.statuses()).containsExactly(
                WAIT_FOR_DATASTORE, RESYNC, IN_SYNC, WAIT_FOR_DATASTORE, RESYNC, IN_SYNC);
        assertThat(consumer.view()).isEqualTo(harness.storeView(HOSTS));
    }

    @Test
    void compactionLandingBetweenTheResumeCheckAndTheWatchIsStillOneReList() {
        long a1 = backend.put(HOSTS + "a", "1");
        var compactingFirst = new ForwardingBackend(backend) {
            volatile boolean armed;

            @Override
            public WatchHandle watch(String prefix, long fromRevision, WatchListener listener) {
                if (armed) {
                    armed = false;
                    backend.compact(backend.currentRevision());
                }
                return super.watch(prefix, fromRevision, listener);
            }
        };
        Syncer syncer = harness.start(compactingFirst, consumer, QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);
        harness.goDown();

        backend.setAvailable(true);
        backend.update(HOSTS + "a", "2", a1);
        backend.put(HOSTS + "b", "1");
        compactingFirst.armed = true; // the watch now learns of the compaction only from its stream
        harness.reconnect();
        harness.updatesThroughSentinel(HOSTS + "sentinel");

        assertThat(syncer.relistCount()).isEqualTo(1);
        assertThat(consumer.view()).isEqualTo(harness.storeView(HOSTS));
    }

    @Test
    void silentStreamIsDetectedAsStalledAndResumed() {
        var settings = new SyncerSettings(
                Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(3));
        Syncer syncer = harness.start(settings, HOSTS);
        harness.awaitStatus(IN_SYNC);

        backend.setWatchesStalled(true); // a black hole: no error, no events, no progress
        long a = backend.put(HOSTS + "a", "1");
        waiting().until(() -> {
            harness.scheduler.advance(Duration.ofMillis(500));
            return consumer.lastStatus() == WAIT_FOR_DATASTORE;
        });
        assertThat(consumer.updates()).isEmpty();

        backend.setWatchesStalled(false);
        long b = backend.put(HOSTS + "b", "1");
        harness.reconnect();

        List<Update> updates = harness.updatesThroughSentinel(HOSTS + "sentinel");
        assertThat(updates).hasSize(3);
        assertThat(updates.subList(0, 2))
                .containsExactly(new Update(HOSTS + "a", "1", a), new Update(HOSTS + "b", "1", b));
        assertThat(syncer.relistCount()).isZero();
    }

    @Test
    void storeDownAtStartWaitsThenListsOnce() {
        backend.put(HOSTS + "a", "1");
        backend.setAvailable(false);
        Syncer syncer = harness.start(QUIET, HOSTS);
        harness.awaitStatus(WAIT_FOR_DATASTORE);
        harness.scheduler.advance(Duration.ofSeconds(10));

        backend.setAvailable(true);
        harness.reconnect();

        assertThat(consumer.statuses()).containsExactly(WAIT_FOR_DATASTORE, RESYNC, IN_SYNC);
        assertThat(consumer.view()).isEqualTo(harness.storeView(HOSTS));
        assertThat(syncer.relistCount()).isZero();
    }

    @Test
    void retriesWhileDownAreSpacedByTheBackoffNotABusyLoop() {
        var counting = new CountingBackend(backend);
        backend.setAvailable(false);
        harness.start(counting, consumer, QUIET, HOSTS);

        for (int second = 0; second < 60; second++) {
            // the periodic tick plus the pending retry: the syncer has handled the last attempt
            waiting().until(() -> harness.scheduler.pendingTimers() == 2);
            harness.scheduler.advance(Duration.ofSeconds(1));
        }

        // delays double from 50..100 ms up to 1..2 s, so 60 s hold about 30 to 61 attempts
        assertThat(counting.lists()).isBetween(25L, 70L);
        assertThat(counting.watches()).isZero();
        assertThat(consumer.updates()).isEmpty();
        assertThat(consumer.statuses()).containsExactly(WAIT_FOR_DATASTORE);
    }

    @Test
    void storeWhoseRevisionWentBackwardsIsListedAgainInFull() {
        for (int i = 0; i < 10; i++) {
            backend.put(HOSTS + "k" + i, "old");
        }
        var switching = new SwitchingBackend(backend);
        Syncer syncer = harness.start(switching, consumer, QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);
        harness.goDown();
        int before = consumer.updates().size();

        try (var restored = new InMemoryBackend(harness.clock)) {
            long k0 = restored.put(HOSTS + "k0", "new"); // the same mod revision as the old k0, another value
            long fresh = restored.put(HOSTS + "fresh", "1");
            switching.target = restored;
            harness.reconnect();

            List<Update> updates = consumer.updates();
            assertThat(updates.subList(before, updates.size())).startsWith(
                    new Update(HOSTS + "fresh", "1", fresh), new Update(HOSTS + "k0", "new", k0));
            assertThat(updates.subList(before, updates.size())).hasSize(2 + 9);
            assertThat(consumer.view()).isEqualTo(SyncerHarness.view(restored, HOSTS));
            assertThat(syncer.relistCount()).isEqualTo(1);
        }
    }

    /** Sends calls to whichever store the test points it at: etcd replaced under a client. */
    private static final class SwitchingBackend extends ForwardingBackend {
        volatile Backend target;

        SwitchingBackend(Backend first) {
            super(first);
            target = first;
        }

        @Override
        protected Backend delegate() {
            return target;
        }
    }
}
