package io.tabby.node.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Observations counted into buckets by upper bound ({@code le}), plus their sum and count. Rendered
 * cumulatively as Prometheus expects: each {@code _bucket} counts every observation at or below its
 * bound, the last one {@code le="+Inf"} equals {@code _count}.
 */
public final class Histogram implements Child {

    private final double[] bounds;
    private final long[] counts;
    private double sum;
    private long count;

    Histogram(double[] bounds) {
        this.bounds = bounds;
        this.counts = new long[bounds.length];
    }

    public synchronized void observe(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                counts[i]++;
                break;
            }
        }
        sum += value;
        count++;
    }

    /** Observes a duration in seconds, the unit Prometheus names end in ({@code _seconds}). */
    public void observe(Duration duration) {
        observe(duration.toNanos() / 1e9);
    }

    public synchronized long count() {
        return count;
    }

    @Override
    public void render(StringBuilder out, String family, List<String> labelNames, List<String> labelValues) {
        long[] snapshot;
        double sumNow;
        long countNow;
        synchronized (this) {
            snapshot = counts.clone();
            sumNow = sum;
            countNow = count;
        }
        List<String> bucketNames = new ArrayList<>(labelNames);
        bucketNames.add("le");
        long cumulative = 0;
        for (int i = 0; i <= bounds.length; i++) {
            double bound = i < bounds.length ? bounds[i] : Double.POSITIVE_INFINITY;
            cumulative = i < bounds.length ? cumulative + snapshot[i] : countNow;
            List<String> values = new ArrayList<>(labelValues);
            values.add(ExpositionText.number(bound));
            ExpositionText.sample(out, family + "_bucket", bucketNames, values, cumulative);
        }
        ExpositionText.sample(out, family + "_sum", labelNames, labelValues, sumNow);
        ExpositionText.sample(out, family + "_count", labelNames, labelValues, countNow);
    }
}
