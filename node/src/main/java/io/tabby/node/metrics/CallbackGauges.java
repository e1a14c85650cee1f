package io.tabby.node.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A gauge family read from its owner at scrape time (BGP sessions by state, routes by table): the
 * supplier returns the value of every label combination, keys being label values in order.
 */
final class CallbackGauges implements Family {

    private static final Logger LOG = LogManager.getLogger(CallbackGauges.class);

    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Supplier<Map<List<String>, Double>> values;

    CallbackGauges(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Double>> values) {
        this.name = ExpositionText.checkMetricName(requireNonNull(name, "name is null"));
        this.help = requireNonNull(help, "help is null");
        this.labelNames = ExpositionText.checkLabelNames(name, labelNames);
        this.values = requireNonNull(values, "values is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void render(StringBuilder out) {
        ExpositionText.header(out, name, "gauge", help);
        Map<List<String>, Double> now;
        try {
            now = values.get();
        } catch (RuntimeException e) {
            // A failing part must not take the whole scrape down: its family stays empty.
            LOG.warn("metric {}: reading the values failed: {}", name, e.toString());
            return;
        }
        Map<List<String>, Double> sorted = new TreeMap<>(ExpositionText.LABEL_VALUE_ORDER);
        sorted.putAll(now);
        sorted.forEach((labels, value) -> {
            if (labels.size() != labelNames.size()) {
                LOG.warn("metric {}: skipping {}: it needs values for {}", name, labels, labelNames);
            } else {
                ExpositionText.sample(out, name, labelNames, labels, value);
            }
        });
    }
}
