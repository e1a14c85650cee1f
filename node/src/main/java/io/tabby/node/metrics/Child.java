package io.tabby.node.metrics;

import java.util.List;

/** The samples of one label combination of a family. */
sealed interface Child permits Counter, Gauge, Histogram {

    void render(StringBuilder out, String family, List<String> labelNames, List<String> labelValues);
}
