package io.tabby.bench.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A sorted latency sample. Percentiles use the nearest-rank definition: the p-th percentile is
 * the smallest sample with at least p% of the samples at or below it, so p99 of 50 runs is the
 * largest run and no value is ever interpolated between two runs.
 */
public final class Percentiles {
    private final long[] sortedNanos;

    private Percentiles(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    public static Percentiles of(List<Duration> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples: a percentile needs at least one run");
        }
        long[] nanos = samples.stream().mapToLong(Duration::toNanos).sorted().toArray();
        if (nanos[0] < 0) {
            throw new IllegalArgumentException("negative sample " + Duration.ofNanos(nanos[0]));
        }
        return new Percentiles(nanos);
    }

    /** The nearest-rank percentile; {@code p} in (0, 100]. */
    public Duration at(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile " + p + " is outside (0, 100]");
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return Duration.ofNanos(sortedNanos[Math.max(rank, 1) - 1]);
    }

    public Duration p50() {
        return at(50);
    }

    public Duration p99() {
        return at(99);
    }

    public Duration min() {
        return Duration.ofNanos(sortedNanos[0]);
    }

    public Duration max() {
        return Duration.ofNanos(sortedNanos[sortedNanos.length - 1]);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** Milliseconds with one decimal, as the tables print them. */
    public static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
    }

    @Override
    public String toString() {
        return "n=" + count() + " p50=" + millis(p50()) + "ms p99=" + millis(p99()) + "ms";
    }
}
