package io.tabby.node.metrics;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The spelling rules of the Prometheus text format 0.0.4 that every family shares. */
final class ExpositionText {

    /** The content type of a {@code /metrics} answer. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Samples of a family are written in this order of their label values, so scrapes are stable. */
    static final Comparator<List<String>> LABEL_VALUE_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private ExpositionText() {
    }

    static String checkMetricName(String name) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name '" + name
                    + "' is not valid: use letters, digits, '_' and ':', not starting with a digit");
        }
        return name;
    }

    static List<String> checkLabelNames(String family, List<String> names) {
        for (String name : names) {
            if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
                throw new IllegalArgumentException("label name '" + name + "' of " + family
                        + " is not valid: use letters, digits and '_', not starting with a digit or '__'");
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("label names of " + family + " repeat: " + names);
        }
        return List.copyOf(names);
    }

    /** The {@code # HELP} and {@code # TYPE} lines of a family. */
    static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** One sample line: {@code name{a="x",b="y"} value}; no braces without labels. */
    static void sample(StringBuilder out, String name, List<String> labelNames, List<String> labelValues,
            double value) {
        out.append(name);
        if (!labelNames.isEmpty()) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames.get(i)).append("=\"").append(escapeLabel(labelValues.get(i))).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    /**
     * A sample value or {@code le} bound: {@code +Inf}, {@code -Inf}, {@code NaN}, whole numbers
     * without a fraction ({@code 3}), others in plain decimal ({@code 0.005}).
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
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
