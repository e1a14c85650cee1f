package io.tabby.datastore.syncer;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: each delay is a random point in the upper half of a bound
 * that doubles from {@code min} to {@code max}, so many nodes losing etcd at once do not come
 * back in lockstep. Owned by one thread.
 */
final class RetryBackoff {
    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;
    private Duration bound;

    RetryBackoff(Duration min, Duration max, RandomGenerator random) {
        this.min = min;
        this.max = max;
        this.random = random;
        this.bound = min;
    }

    /** The delay before the next attempt; the one after will be up to twice as long. */
    Duration next() {
        long boundNanos = bound.toNanos();
        long half = boundNanos / 2;
        Duration delay = Duration.ofNanos(half + random.nextLong(boundNanos - half + 1));
        Duration doubled = bound.multipliedBy(2);
        bound = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** Back to the shortest delay, after a success. */
    void reset() {
        bound = min;
    }
}
