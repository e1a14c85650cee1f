package io.tabby.node.cni;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long each step of one ADD took, for the debug log: where a slow pod start spends its time
 * (etcd, IPAM, the kernel) without a profiler.
 */
final class AddTimings {

    private final long start = System.nanoTime();
    private final List<String> steps = new ArrayList<>();
    private long last = start;

    /** Ends the step named {@code name}, started at the previous step's end. */
    void step(String name) {
        long now = System.nanoTime();
        steps.add(name + " " + millis(now - last));
        last = now;
    }

    @Override
    public String toString() {
        return millis(last - start) + " (" + String.join(", ", steps) + ")";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
