package io.tabby.bench.confd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.watch.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The anchor for etcd itself: a bare jetcd watch on the benchmark's key that stamps each event's
 * arrival with {@link System#nanoTime()}, keyed by the value put.
 */
final class WatchClock implements AutoCloseable {
    /** One delivered put: its value and when the watch delivered it. */
    record Delivery(String value, long nanos) {
    }

    private final Watch.Watcher watcher;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    WatchClock(Client client, String key) {
        this.watcher = client.getWatchClient().watch(ByteSequence.from(key, StandardCharsets.UTF_8),
                Watch.listener(response -> {
                    long now = System.nanoTime();
                    for (WatchEvent event : response.getEvents()) {
                        if (event.getEventType() == WatchEvent.EventType.PUT) {
                            deliveries.add(new Delivery(
                                    event.getKeyValue().getValue().toString(StandardCharsets.UTF_8), now));
                        }
                    }
                }));
    }

    /** When the watch delivered the put of {@code value}; -1 if it did not within {@code timeoutMillis}. */
    long deliveredAt(String value, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long left = deadline - System.nanoTime();
            Delivery delivery = left > 0 ? deliveries.poll(left, TimeUnit.NANOSECONDS) : null;
            if (delivery == null) {
                return -1;
            }
            if (delivery.value().equals(value)) {
                return delivery.nanos();
            }
        }
    }

    /** Forgets every delivery so far. */
    void clear() {
        deliveries.clear();
    }

    @Override
    public void close() {
        watcher.close();
    }
}
