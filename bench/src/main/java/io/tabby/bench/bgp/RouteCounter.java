package io.tabby.bench.bgp;

import io.tabby.bird.rib.BestPathListener;
import io.tabby.bird.rib.Route;
import io.tabby.bird.wire.Prefix;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One mesh speaker's view of convergence, fed by its RIB thread as a {@link BestPathListener}:
 * the prefixes that currently have a best path, and a latch that opens when there are
 * {@code expected} of them.
 */
final class RouteCounter implements BestPathListener {
    private final Set<Prefix> reachable = new HashSet<>();
    private final int expected;
    private final CountDownLatch complete = new CountDownLatch(1);
    private volatile long completedAt;

    RouteCounter(int expected) {
        this.expected = expected;
    }

    @Override
    public void bestChanged(Prefix prefix, Route best) {
        if (best == null) {
            reachable.remove(prefix);
        } else {
            reachable.add(prefix);
        }
        if (reachable.size() >= expected && completedAt == 0) {
            completedAt = System.nanoTime();
            complete.countDown();
        }
    }

    boolean await(long deadlineNanos) throws InterruptedException {
        return complete.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    long completedAt() {
        return completedAt;
    }
}
