package io.tabby.bench.confd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Paced lone changes: each put comes {@code pace} after the previous change's reload, longer than
 * confd's quiet period, so every one meets an idle resource (the leading edge). For each put it
 * records put-to-watch-delivery (bare jetcd), put-to-reload_cmd-started (confd), and their
 * difference per change (what confd adds after etcd delivered the change; the two watches are
 * separate streams, so it can be slightly negative).
 */
final class LoneChanges {
    /** What one run measured; {@code misses} counts changes whose reload never came or showed another value. */
    record Result(Latencies watch, Latencies reload, Latencies afterWatch, int misses) {
    }

    private LoneChanges() {
    }

    static Result run(KV kv, BenchConfd confd, ReloadPipe reloads, WatchClock watch, int changes, int warmup,
            Duration pace) throws Exception {
        long[] watchNanos = new long[changes];
        long[] reloadNanos = new long[changes];
        long[] afterWatchNanos = new long[changes];
        int misses = 0;
        ByteSequence key = ByteSequence.from(BenchConfd.KEY, StandardCharsets.UTF_8);
        for (int i = -warmup; i < changes; i++) {
            Thread.sleep(pace.toMillis());
            reloads.drain();
            watch.clear();
            String value = "lone-" + i;
            long start = System.nanoTime();
            kv.put(key, ByteSequence.from(value, StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            long delivered = watch.deliveredAt(value, 10_000);
            long reloaded = reloads.next(10_000);
            boolean ok = delivered > 0 && reloaded > 0 && confd.rendered(value);
            if (i < 0) {
                continue;
            }
            if (!ok) {
                misses++;
                watchNanos[i] = delivered > 0 ? delivered - start : TimeUnit.SECONDS.toNanos(10);
                reloadNanos[i] = TimeUnit.SECONDS.toNanos(10);
                afterWatchNanos[i] = TimeUnit.SECONDS.toNanos(10);
                continue;
            }
            watchNanos[i] = delivered - start;
            reloadNanos[i] = reloaded - start;
            afterWatchNanos[i] = reloaded - delivered;
        }
        return new Result(new Latencies(watchNanos), new Latencies(reloadNanos), new Latencies(afterWatchNanos), misses);
    }
}
