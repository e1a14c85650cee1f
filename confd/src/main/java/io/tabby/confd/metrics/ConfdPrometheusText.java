package io.tabby.confd.metrics;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.processor.ConfdCounters;
import io.tabby.confd.processor.ResourceCounters;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes {@link ConfdCounters} in the Prometheus text exposition format 0.0.4: per family a
 * {@code # HELP} and a {@code # TYPE} line, then one sample per template resource, resources in
 * name order. Counters end in {@code _total}; the last-success gauge is in Unix seconds and has no
 * sample for a resource that never rendered successfully (absent rather than a misleading 0).
 */
public final class ConfdPrometheusText {
    public static final ConfdPrometheusText INSTANCE = new ConfdPrometheusText();

    /** The content type a scrape endpoint answers with. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private record Family(String name, String type, String help, Function<ResourceCounters, Optional<String>> value) {
    }

    private static final List<Family> FAMILIES = List.of(
            counter("tabby_confd_renders_total", "Template renders attempted, per template resource.",
                    ResourceCounters::renders),
            counter("tabby_confd_render_errors_total",
                    "Renders that failed (template error or bad data); the file kept its last good content.",
                    ResourceCounters::renderFailures),
            counter("tabby_confd_check_failures_total",
                    "Rendered files rejected by check_cmd; the file kept its last good content.",
                    ResourceCounters::checkFailures),
            counter("tabby_confd_write_failures_total", "Stage files that could not be written or swapped in.",
                    ResourceCounters::writeFailures),
            counter("tabby_confd_updates_total", "Times the destination file was replaced.",
                    ResourceCounters::updates),
            counter("tabby_confd_reloads_total", "reload_cmd runs that succeeded.", ResourceCounters::reloads),
            counter("tabby_confd_reload_failures_total", "reload_cmd runs that failed or timed out (retried).",
                    ResourceCounters::reloadFailures),
            new Family("tabby_confd_last_success_timestamp_seconds", "gauge",
                    "Unix time of the last render that left the file up to date.",
                    counters -> counters.lastSuccess().map(ConfdPrometheusText::seconds)));

    private ConfdPrometheusText() {
    }

    /** The exposition text of every family, ending in a newline. */
    public String render(ConfdCounters counters) {
        requireNonNull(counters, "counters is null");
        Map<String, ResourceCounters> byResource = counters.all();
        StringBuilder out = new StringBuilder();
        for (Family family : FAMILIES) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            byResource.forEach((resource, values) -> family.value().apply(values).ifPresent(value ->
                    out.append(family.name()).append("{resource=\"").append(escapeLabel(resource)).append("\"} ")
                            .append(value).append('\n')));
        }
        return out.toString();
    }

    private static Family counter(String name, String help, Function<ResourceCounters, Long> value) {
        return new Family(name, "counter", help, counters -> Optional.of(Long.toString(value.apply(counters))));
    }

    private static String seconds(Instant instant) {
        long millis = instant.toEpochMilli();
        return Math.floorDiv(millis, 1000) + "." + String.format(Locale.ROOT, "%03d", Math.floorMod(millis, 1000));
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escapes backslash and line feed. */
    static String escapeHelp(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
