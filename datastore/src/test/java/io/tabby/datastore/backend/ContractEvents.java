package io.tabby.datastore.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How {@link BackendContract} waits for watch events and reads a listing, on any backend. */
final class ContractEvents {
    private ContractEvents() {
    }

    /**
     * Asks for progress until one covers {@code revision}. Only a liveness check: before etcd
     * 3.4.24 (etcd#15220) a requested progress notification is not ordered with the events, so
     * it proves nothing about which events have arrived.
     */
    static void awaitProgressAtLeast(WatchHandle handle, RecordingListener listener, long revision) {
        await().atMost(BackendContract.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (listener.lastProgress() >= revision) {
                return true;
            }
            handle.requestProgress();
            return false;
        });
    }

    /**
     * Writes {@code sentinel} and waits for its event: watches deliver in order, so everything
     * written before has arrived by then, and any duplicate of it too. Returns the events before.
     */
    static List<WatchEvent> eventsBeforeSentinel(Backend backend, RecordingListener listener, String sentinel) {
        long rev = backend.put(sentinel, "sentinel");
        WatchEvent expected = WatchEvent.put(sentinel, "sentinel", rev);
        await().atMost(BackendContract.WAIT).until(() -> listener.events().contains(expected));
        List<WatchEvent> events = listener.events();
        assertThat(events.getLast()).as("the sentinel is the last event seen").isEqualTo(expected);
        return events.subList(0, events.size() - 1);
    }

    static Map<String, String> values(ListResult result) {
        Map<String, String> values = new HashMap<>();
        result.kvs().forEach(kv -> values.put(kv.key(), kv.value()));
        return values;
    }
}
