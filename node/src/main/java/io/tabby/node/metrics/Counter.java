package io.tabby.node.metrics;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** A value that only goes up (requests served, failures seen), from 0 at start-up. */
public final class Counter implements Child {

    private final DoubleAdder value = new DoubleAdder();

    Counter() {
    }

    public void inc() {
        value.add(1);
    }

    /** Adds {@code amount}, which must not be negative: a counter never goes down. */
    public void add(double amount) {
        if (!(amount >= 0)) {
            throw new IllegalArgumentException("a counter only goes up: cannot add " + amount);
        }
        value.add(amount);
    }

    public double value() {
        return value.sum();
    }

    @Override
    public void render(StringBuilder out, String family, List<String> labelNames, List<String> labelValues) {
        ExpositionText.sample(out, family, labelNames, labelValues, value());
    }
}
