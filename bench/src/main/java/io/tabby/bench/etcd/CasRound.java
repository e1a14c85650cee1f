package io.tabby.bench.etcd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One timed round: {@code writers} threads, each CAS-looping on its own key until the deadline.
 * The loop is bounded by time and by {@link #MAX_OPS_PER_WRITER}.
 */
public final class CasRound {
    static final int MAX_OPS_PER_WRITER = 5_000_000;

    private CasRound() {
    }

    /** Runs the round and returns completed transactions per second. */
    public static double run(CasWriter writer, int writers, Duration length, String keyPrefix) throws Exception {
        long[] counts = new long[writers];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int w = 0; w < writers; w++) {
            int id = w;
            String key = keyPrefix + id;
            threads.add(Thread.ofPlatform().name("bench-writer-" + id).start(() -> {
                try {
                    long rev = writer.put(key, "0");
                    ready.countDown();
                    go.await();
                    long deadline = window[1];
                    long n = 0;
                    while (n < MAX_OPS_PER_WRITER && System.nanoTime() < deadline) {
                        rev = writer.compareAndSwap(key, Long.toString(n), rev);
                        n++;
                    }
                    counts[id] = n;
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    ready.countDown();
                }
            }));
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = Math.max(System.nanoTime() - window[0], 1);
        if (failure.get() != null) {
            throw new IllegalStateException(writer.name() + " failed", failure.get());
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total * 1e9 / elapsed;
    }
}
