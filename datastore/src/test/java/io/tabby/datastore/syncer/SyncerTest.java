package io.tabby.datastore.syncer;

import static io.tabby.datastore.syncer.SyncStatus.IN_SYNC;
import static io.tabby.datastore.syncer.SyncStatus.RESYNC;
import static io.tabby.datastore.syncer.SyncStatus.WAIT_FOR_DATASTORE;
import static io.tabby.datastore.syncer.SyncerHarness.CONFIG;
import static io.tabby.datastore.syncer.SyncerHarness.HOSTS;
import static io.tabby.datastore.syncer.SyncerHarness.QUIET;
import static io.tabby.datastore.syncer.SyncerHarness.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.TxnOp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The syncer's promises to its consumer while the store is healthy. */
class SyncerTest {
    private final SyncerHarness harness = new SyncerHarness();
    private final RecordingConsumer consumer = harness.consumer;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void deliversTheSnapshotThenGoesInSync() {
        long host = harness.backend.put(HOSTS + "node1", "h1");
        long config = harness.backend.put(CONFIG + "LogSeverity", "Info");
        harness.backend.put("/calico/v1/policy/p", "not followed");
        harness.backend.put("/elsewhere", "not followed");

        Syncer syncer = harness.start(QUIET, HOSTS, CONFIG);
        harness.awaitStatus(IN_SYNC);

        assertThat(consumer.timeline()).containsExactly(
                WAIT_FOR_DATASTORE,
                RESYNC,
                List.of(new Update(CONFIG + "LogSeverity", "Info", config), new Update(HOSTS + "node1", "h1", host)),
                IN_SYNC);
        assertThat(syncer.lastRevision()).isEqualTo(harness.backend.currentRevision());
        assertThat(syncer.relistCount()).isZero();
    }

    @Test
    void deliversLiveUpdatesInRevisionOrder() {
        harness.start(QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);

        long a1 = harness.backend.put(HOSTS + "a", "1");
        long b1 = harness.backend.put(HOSTS + "b", "1");
        long a2 = harness.backend.update(HOSTS + "a", "2", a1);
        long bGone = harness.backend.delete(HOSTS + "b", b1);
        harness.backend.put("/calico/v1/policy/p", "outside the prefix");
        long txn = harness.backend.commit(List.of(TxnOp.put(HOSTS + "c", "1"), TxnOp.put(HOSTS + "d", "1")));

        assertThat(harness.updatesThroughSentinel(HOSTS + "sentinel")).containsExactly(
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
    void followsSeveralPrefixesThroughOneWatchAndFiltersTheRest() {
        harness.backend.put(HOSTS + "h", "1");
        harness.backend.put("/calico/ipam/v2/handle/x", "1");
        harness.start(QUIET, HOSTS, "/calico/ipam/v2/", HOSTS + "nested/"); // the nested prefix adds nothing
        harness.awaitStatus(IN_SYNC);

        harness.backend.put("/calico/v1/policy/p", "under the common prefix only");
        harness.backend.put("/calico/ipam/v2/handle/y", "1");
        harness.backend.put(HOSTS + "nested/n", "1");
        harness.updatesThroughSentinel(HOSTS + "sentinel");

        assertThat(consumer.view()).isEqualTo(harness.storeView(HOSTS, "/calico/ipam/v2/"));
        assertThat(consumer.updates()).extracting(Update::key).doesNotHaveDuplicates()
                .doesNotContain("/calico/v1/policy/p");
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
                    throw new IllegalStateException("a consumer bug (expected in this test)");
                }
            }
        };
        harness.start(harness.backend, throwing, QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);

        harness.backend.put(HOSTS + "a", "1");
        harness.backend.put(HOSTS + "b", "1");
        harness.updatesThroughSentinel(HOSTS + "sentinel");

        assertThat(consumer.view()).containsOnlyKeys(HOSTS + "a", HOSTS + "b", HOSTS + "sentinel");
        assertThat(consumer.threadNames()).singleElement().asString().startsWith("syncer ");
    }

    @Test
    void closeStopsTheWatchAndTheCallbacks() {
        Syncer syncer = harness.start(QUIET, HOSTS);
        harness.awaitStatus(IN_SYNC);
        waiting().until(() -> harness.backend.openWatchCount() == 1);

        syncer.close();
        int seen = consumer.timeline().size();
        harness.backend.put(HOSTS + "a", "1");

        assertThat(harness.backend.openWatchCount()).isZero();
        assertThat(consumer.timeline()).hasSize(seen);
    }
}
