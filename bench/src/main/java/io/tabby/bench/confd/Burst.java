package io.tabby.bench.confd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A burst of puts to the one key as fast as etcd takes them ({@code inFlight} outstanding), then
 * the count of reloads it cost once confd has rendered the final value and gone quiet.
 */
final class Burst {
    /** One burst: how long the puts took, the reloads seen, confd's own reload counter delta, and whether it ended on the final value. */
    record Result(double putMillis, int reloads, long counted, boolean finalRendered) {
    }

    private Burst() {
    }

    static Result run(KV kv, BenchConfd confd, ReloadPipe reloads, String tag, int puts, int inFlight)
            throws Exception {
        ByteSequence key = ByteSequence.from(BenchConfd.KEY, StandardCharsets.UTF_8);
        reloads.drain();
        long countedBefore = confd.counters().reloads();
        Semaphore window = new Semaphore(inFlight);
        long start = System.nanoTime();
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (int i = 0; i < puts; i++) {
            window.acquire();
            last = kv.put(key, ByteSequence.from(tag + "-" + i, StandardCharsets.UTF_8))
                    .whenComplete((response, error) -> window.release());
        }
        window.acquire(inFlight);
        last.get(10, TimeUnit.SECONDS);
        double putMillis = (System.nanoTime() - start) / 1e6;
        String finalValue = kv.get(key).get(10, TimeUnit.SECONDS).getKvs().getFirst().getValue()
                .toString(StandardCharsets.UTF_8);
        int seen = 0;
        boolean done = false;
        // wait (bounded) for the reload that shows the final value, then for stragglers
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done && System.nanoTime() < deadline) {
            if (reloads.next(500) > 0) {
                seen++;
            }
            done = confd.rendered(finalValue);
        }
        for (int extra = 0; extra <= puts && reloads.next(2_000) > 0; extra++) {
            seen++;
        }
        return new Result(putMillis, seen, confd.counters().reloads() - countedBefore, confd.rendered(finalValue));
    }
}
