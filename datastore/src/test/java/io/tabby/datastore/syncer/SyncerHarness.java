package io.tabby.datastore.syncer;

import static io.tabby.datastore.syncer.SyncStatus.IN_SYNC;
import static io.tabby.datastore.syncer.SyncStatus.WAIT_FOR_DATASTORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.datastore.testing.ManualClock;
import io.tabby.datastore.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.core.ConditionFactory;

/**
 * A syncer on the in-memory store and a manual clock, with the waits its tests share. Nothing
 * here sleeps: time moves only when a test moves it, and every wait is for another thread.
 */
final class SyncerHarness implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String HOSTS = "/calico/v1/host/";
    static final String CONFIG = "/calico/v1/config/";
    /** Stall checks far apart, so tests that move time to reconnect never trip them. */
    static final SyncerSettings QUIET = new SyncerSettings(
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60));

    final ManualClock clock = new ManualClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final InMemoryBackend backend = new InMemoryBackend(clock);
    final RecordingConsumer consumer = new RecordingConsumer();
    private Syncer syncer;

    Syncer start(SyncerSettings settings, String... prefixes) {
        return start(backend, consumer, settings, prefixes);
    }

    /** A syncer reading through {@code via} (a wrapper around {@link #backend}) into {@code callbacks}. */
    Syncer start(Backend via, SyncerCallbacks callbacks, SyncerSettings settings, String... prefixes) {
        syncer = new Syncer(via, List.of(prefixes), callbacks, settings, clock, scheduler);
        syncer.start();
        return syncer;
    }

    Syncer syncer() {
        return syncer;
    }

    /** Bounded waits that poll often. */
    static ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    void awaitStatus(SyncStatus status) {
        waiting().until(() -> consumer.lastStatus() == status);
    }

    /** Takes the store down and waits until the syncer has noticed. */
    void goDown() {
        backend.setAvailable(false);
        awaitStatus(WAIT_FOR_DATASTORE);
    }

    /** Moves time in steps until the syncer's retry timer has fired and it is in sync again. */
    void reconnect() {
        waiting().until(() -> {
            scheduler.advance(Duration.ofMillis(250));
            return syncer.status() == IN_SYNC;
        });
    }

    /** Writes a marker key and waits for it: every earlier update has then been delivered. */
    List<Update> updatesThroughSentinel(String sentinelKey) {
        long rev = backend.put(sentinelKey, "sentinel");
        Update sentinel = new Update(sentinelKey, "sentinel", rev);
        waiting().until(() -> consumer.updates().contains(sentinel));
        List<Update> updates = consumer.updates();
        assertThat(updates.getLast()).isEqualTo(sentinel);
        return updates;
    }

    /** What the store holds under {@code prefixes}, as the consumer's view should be. */
    static Map<String, String> view(Backend store, String... prefixes) {
        Map<String, String> view = new TreeMap<>();
        for (String prefix : prefixes) {
            for (KeyValue kv : store.list(prefix).kvs()) {
                view.put(kv.key(), kv.value());
            }
        }
        return view;
    }

    Map<String, String> storeView(String... prefixes) {
        return view(backend, prefixes);
    }

    @Override
    public void close() {
        if (syncer != null) {
            syncer.close();
        }
        backend.close();
    }
}
