package io.tabby.node.metrics;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * A family whose samples the parts update: one child (counter, gauge or histogram) per label value
 * combination, made on first use and rendered in label value order so scrapes are stable.
 */
public final class LabelledFamily<C extends Child> implements Family {

    private final String name;
    private final String type;
    private final String help;
    private final List<String> labelNames;
    private final Supplier<C> factory;
    private final Map<List<String>, C> children = new ConcurrentSkipListMap<>(ExpositionText.LABEL_VALUE_ORDER);

    LabelledFamily(String name, String type, String help, List<String> labelNames, Supplier<C> factory) {
        this.name = ExpositionText.checkMetricName(requireNonNull(name, "name is null"));
        this.type = requireNonNull(type, "type is null");
        this.help = requireNonNull(help, "help is null");
        this.labelNames = ExpositionText.checkLabelNames(name, labelNames);
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public String name() {
        return name;
    }

    /** The child for these label values, one per label name in order. */
    public C labels(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " has labels " + labelNames + " but got values "
                    + Arrays.toString(values));
        }
        for (String value : values) {
            requireNonNull(value, "label value of " + name + " is null");
        }
        return children.computeIfAbsent(List.of(values), ignored -> factory.get());
    }

    /** Forgets the child for these label values (a peer that was removed). */
    public void remove(String... values) {
        children.remove(List.of(values));
    }

    @Override
    public void render(StringBuilder out) {
        ExpositionText.header(out, name, type, help);
        children.forEach((values, child) -> child.render(out, name, labelNames, values));
    }
}
