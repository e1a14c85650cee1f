package io.tabby.node.metrics;

/**
 * A part that renders its own families in the text format 0.0.4, e.g. confd's counters:
 * {@code () -> ConfdPrometheusText.INSTANCE.render(counters)}. Its family names must not repeat
 * the registry's.
 */
@FunctionalInterface
public interface MetricSource {

    /** Complete families ({@code # HELP}, {@code # TYPE}, samples), each line ending in a newline. */
    String exposition();
}
