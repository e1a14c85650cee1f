package io.tabby.node.metrics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The node agent's metric families and sources, rendered for a scrape in registration order: the
 * registry's own families first, then each source's text. Registering a family name twice is a
 * programming error and fails at once rather than producing a scrape Prometheus rejects.
 */
public final class MetricRegistry {

    /** The content type a {@code /metrics} endpoint answers with. */
    public static final String CONTENT_TYPE = ExpositionText.CONTENT_TYPE;

    private static final Logger LOG = LogManager.getLogger(MetricRegistry.class);

    private final List<Family> families = new ArrayList<>();
    private final List<MetricSource> sources = new ArrayList<>();

    public LabelledFamily<Counter> counter(String name, String help, String... labelNames) {
        return add(new LabelledFamily<>(name, "counter", help, List.of(labelNames), Counter::new));
    }

    public LabelledFamily<Gauge> gauge(String name, String help, String... labelNames) {
        return add(new LabelledFamily<>(name, "gauge", help, List.of(labelNames), Gauge::new));
    }

    /**
     * A histogram family with these finite bucket upper bounds, strictly increasing; the
     * {@code +Inf} bucket is always added.
     */
    public LabelledFamily<Histogram> histogram(String name, String help, double[] buckets, String... labelNames) {
        double[] bounds = buckets.clone();
        if (bounds.length == 0) {
            throw new IllegalArgumentException("histogram " + name + " needs at least one bucket bound");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Double.isFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException("histogram " + name + " bucket bounds must be finite and"
                        + " strictly increasing (+Inf is added by itself): " + Arrays.toString(buckets));
            }
        }
        if (Arrays.asList(labelNames).contains("le")) {
            throw new IllegalArgumentException("histogram " + name + " cannot have a label named 'le'");
        }
        return add(new LabelledFamily<>(name, "histogram", help, List.of(labelNames), () -> new Histogram(bounds)));
    }

    /**
     * A gauge family whose values {@code values} returns at each scrape, keyed by label values in
     * the order of {@code labelNames}.
     */
    public void gaugeCallback(String name, String help, Supplier<Map<List<String>, Double>> values,
            String... labelNames) {
        add(new CallbackGauges(name, help, List.of(labelNames), values));
    }

    /** A part that renders its own families (e.g. confd's counters). */
    public synchronized void addSource(MetricSource source) {
        sources.add(requireNonNull(source, "source is null"));
    }

    /** The whole scrape text. A source that throws is left out (and logged) rather than failing the scrape. */
    public String render() {
        List<Family> familiesNow;
        List<MetricSource> sourcesNow;
        synchronized (this) {
            familiesNow = List.copyOf(families);
            sourcesNow = List.copyOf(sources);
        }
        StringBuilder out = new StringBuilder();
        for (Family family : familiesNow) {
            family.render(out);
        }
        for (MetricSource source : sourcesNow) {
            String text;
            try {
                text = source.exposition();
            } catch (RuntimeException e) {
                LOG.warn("metric source {} failed; its families are left out of this scrape: {}", source, e.toString());
                continue;
            }
            out.append(text);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private synchronized <F extends Family> F add(F family) {
        for (Family existing : families) {
            if (existing.name().equals(family.name())) {
                throw new IllegalArgumentException("metric family " + family.name() + " is registered twice");
            }
        }
        families.add(family);
        return family;
    }
}
