package io.tabby.bench.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each of the origin's blocks appeared in etcd: a watch on its block affinities
 * ({@code /calico/ipam/v2/host/<node>/ipv4/block/<cidr>}) notes the {@code System.nanoTime()} at
 * which this JVM first heard of each one. It splits a route's time into the ADD's part (IPAM claims
 * the block) and the part after etcd (confd renders, the daemon reloads and advertises, BGP carries).
 */
final class AffinityClock implements AutoCloseable {
    private final Map<String, CompletableFuture<Long>> seen = new ConcurrentHashMap<>();
    private final Client client;
    private final Watch.Watcher watcher;

    AffinityClock(String etcd, String node) {
        this.client = Client.builder().endpoints(etcd)
                .keepaliveTime(Duration.ofSeconds(60)).keepaliveWithoutCalls(false).build();
        String prefix = "/calico/ipam/v2/host/" + node + "/ipv4/block/";
        this.watcher = client.getWatchClient().watch(ByteSequence.from(prefix, UTF_8),
                WatchOption.builder().isPrefix(true).build(), Watch.listener(response -> {
                    long at = System.nanoTime();
                    for (WatchEvent event : response.getEvents()) {
                        if (event.getEventType() == WatchEvent.EventType.PUT) {
                            String key = event.getKeyValue().getKey().toString(UTF_8);
                            future(blockOf(key.substring(prefix.length()))).complete(at);
                        }
                    }
                }));
    }

    /** {@code 10.200.0.64-26} (the key's last segment) as {@code 10.200.0.64/26}. */
    static String blockOf(String segment) {
        return segment.replace('-', '/');
    }

    /** Completes with the time the block's affinity was first seen. */
    CompletableFuture<Long> whenWritten(String cidr) {
        return future(cidr);
    }

    private CompletableFuture<Long> future(String cidr) {
        return seen.computeIfAbsent(cidr, c -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        watcher.close();
        client.close();
    }
}
