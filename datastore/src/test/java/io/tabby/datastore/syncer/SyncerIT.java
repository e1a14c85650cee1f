package io.tabby.datastore.syncer;

import static io.tabby.datastore.syncer.SyncStatus.IN_SYNC;
import static io.tabby.datastore.syncer.SyncStatus.WAIT_FOR_DATASTORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The syncer against a real etcd through the real adapter: an etcd restart (users-and-reliability
 * §C scenario 1, one agent's view) and a compaction gap while one client is cut off (scenario 3).
 */
@RealEtcd
class SyncerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Quick reactions so the test spends seconds, not minutes, noticing a dead stream. */
    private static final SyncerSettings FAST = new SyncerSettings(
            Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(3));

    private final EtcdServer etcd;
    private final String prefix = "/syncer-it/" + UUID.randomUUID() + "/";
    private final RecordingConsumer consumer = new RecordingConsumer();
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    SyncerIT(EtcdServer etcd) {
        this.etcd = etcd;
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!toClose.isEmpty()) {
            toClose.pop().close();
        }
    }

    private Backend connect() {
        var settings = EtcdSettings.of(etcd.endpoints()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
        Backend backend = EtcdBackend.connect(settings);
        toClose.push(backend);
        return backend;
    }

    private Syncer startSyncer(Backend backend) {
        Syncer syncer = new Syncer(backend, List.of(prefix), consumer, FAST);
        toClose.push(syncer);
        syncer.start();
        return syncer;
    }

    private static ConditionFactory waiting() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(20));
    }

    private Map<String, String> etcdView(Backend backend) {
        Map<String, String> view = new TreeMap<>();
        for (KeyValue kv : backend.list(prefix).kvs()) {
            view.put(kv.key(), kv.value());
        }
        return view;
    }

    /** Writes keys and remembers the update each should produce, in order. */
    private final class Writer {
        private final Backend backend;
        final List<Update> expected = new ArrayList<>();

        Writer(Backend backend) {
            this.backend = backend;
        }

        void put(String name, String value) {
            long rev = backend.put(prefix + name, value);
            expected.add(new Update(prefix + name, value, rev));
        }

        void delete(String name) {
            long modRevision = backend.get(prefix + name).orElseThrow().modRevision();
            long rev = backend.delete(prefix + name, modRevision);
            expected.add(new Update(prefix + name, null, rev));
        }

        /** Waits until the consumer has the last expected update; earlier ones arrive before it. */
        void awaitDelivered() {
            Update last = expected.getLast();
            waiting().until(() -> consumer.updates().contains(last));
        }
    }

    @Test
    void survivesAnEtcdRestartWithNoLostDuplicatedOrReListedUpdate() {
        assumeTrue(etcd.controllable(), "needs an etcd it may stop and start; TABBY_TEST_ETCD endpoints are not");
        Writer writer = new Writer(connect());
        for (int i = 0; i < 20; i++) {
            writer.put("k" + i, "v0");
        }
        Syncer syncer = startSyncer(connect());
        waiting().until(() -> syncer.status() == IN_SYNC);
        int snapshot = consumer.updates().size();
        writer.expected.clear();

        writer.put("k20", "v0");
        writer.put("k0", "v1");
        writer.delete("k1");
        writer.awaitDelivered();

        etcd.stop();
        try {
            waiting().until(() -> syncer.status() == WAIT_FOR_DATASTORE);
        } finally {
            etcd.start();
        }
        // a read first: a write that times out may still have happened, and would spoil the count
        waiting().ignoreExceptionsInstanceOf(UnavailableException.class)
                .until(() -> writer.backend.currentRevision() > 0);
        writer.put("k21", "v0");
        writer.put("k2", "v1");
        writer.delete("k3");
        writer.put("k0", "v2");
        writer.awaitDelivered();

        assertThat(snapshot).isEqualTo(20);
        List<Update> updates = consumer.updates();
        assertThat(updates.subList(snapshot, updates.size())).containsExactlyElementsOf(writer.expected);
        assertThat(consumer.statuses()).containsSubsequence(IN_SYNC, WAIT_FOR_DATASTORE, IN_SYNC);
        assertThat(syncer.status()).isEqualTo(IN_SYNC);
        assertThat(syncer.relistCount()).isZero();
        assertThat(consumer.view()).isEqualTo(etcdView(writer.backend));
    }

    @Test
    void compactionPastACutOffSyncerGivesExactlyOneReListPerGapAndEtcdsExactState() {
        Writer writer = new Writer(connect());
        for (int i = 0; i < 50; i++) {
            writer.put("k" + i, "v0");
        }
        var partition = new PartitionedBackend(connect());
        Syncer syncer = startSyncer(partition);
        waiting().until(() -> syncer.status() == IN_SYNC);

        for (int round = 1; round <= 3; round++) {
            int statusesBefore = consumer.statuses().size();
            partition.cut();
            waiting().until(() -> syncer.status() == WAIT_FOR_DATASTORE);
            int before = consumer.updates().size();
            Set<String> touched = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                writer.put("churn" + (i % 20), "r" + round + "-" + i);
                touched.add(prefix + "churn" + (i % 20));
            }
            for (int i = round * 5; i < round * 5 + 5; i++) {
                writer.delete("k" + i); // keys the syncer has cached
                touched.add(prefix + "k" + i);
                writer.put("k" + (i + 20), "r" + round);
                touched.add(prefix + "k" + (i + 20));
            }
            etcd.compact(etcd.currentRevision());
            long relistsBefore = syncer.relistCount();

            partition.heal();
            writer.put("sentinel", "r" + round);
            touched.add(prefix + "sentinel");
            writer.awaitDelivered();

            assertThat(syncer.relistCount()).as("re-lists in round " + round).isEqualTo(relistsBefore + 1);
            List<SyncStatus> statuses = consumer.statuses();
            assertThat(statuses.subList(statusesBefore, statuses.size())).as("statuses in round " + round)
                    .containsExactly(WAIT_FOR_DATASTORE, SyncStatus.RESYNC, IN_SYNC);
            assertThat(consumer.view()).as("consumer view after round " + round).isEqualTo(etcdView(writer.backend));
            List<Update> updates = consumer.updates();
            assertThat(updates.subList(before, updates.size())).extracting(Update::key)
                    .as("only keys that changed are sent again").allMatch(touched::contains)
                    .doesNotHaveDuplicates();
        }
        assertThat(syncer.relistCount()).isEqualTo(3);
    }
}
