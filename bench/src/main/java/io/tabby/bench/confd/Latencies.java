package io.tabby.bench.confd;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds (nearest rank). */
record Latencies(long[] sortedNanos) {

    Latencies {
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
        if (sortedNanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    /** The {@code p}-th percentile in milliseconds, {@code 0 < p <= 100}. */
    double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    int count() {
        return sortedNanos.length;
    }
}
