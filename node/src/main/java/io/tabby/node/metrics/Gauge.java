package io.tabby.node.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down (sessions up, seconds since the last sync). */
public final class Gauge implements Child {

    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));

    Gauge() {
    }

    public void set(double value) {
        bits.set(Double.doubleToLongBits(value));
    }

    public void add(double delta) {
        bits.updateAndGet(old -> Double.doubleToLongBits(Double.longBitsToDouble(old) + delta));
    }

    public void inc() {
        add(1);
    }

    public void dec() {
        add(-1);
    }

    public double value() {
        return Double.longBitsToDouble(bits.get());
    }

    @Override
    public void render(StringBuilder out, String family, List<String> labelNames, List<String> labelValues) {
        ExpositionText.sample(out, family, labelNames, labelValues, value());
    }
}
