package io.tabby.datastore.resource.parse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.format.GoDuration;
import io.tabby.datastore.resource.validate.AsNumberRules;
import io.tabby.datastore.resource.validate.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the fields of one YAML/JSON mapping, reporting wrong types at their field path. Every
 * field asked for is remembered, so {@link #rejectUnknown()} can name any other field the input
 * had together with the allowed ones. A null value reads as absent, as in Go.
 */
final class FieldReader {
    private final JsonNode node;
    private final String path;
    private final Violations violations;
    private final Set<String> known = new LinkedHashSet<>();

    private FieldReader(JsonNode node, String path, Violations violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    /** A reader over {@code node}, or empty (with a problem reported) when it is not a mapping. */
    static Optional<FieldReader> of(JsonNode node, String path, Violations violations) {
        requireNonNull(violations, "violations is null");
        if (!node.isObject()) {
            violations.add(path, "must be a mapping of fields" + found(node));
            return Optional.empty();
        }
        return Optional.of(new FieldReader(node, path, violations));
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** This mapping's own field path. */
    String here() {
        return path;
    }

    Violations violations() {
        return violations;
    }

    /** The raw value, or null when absent or null. */
    JsonNode raw(String name) {
        known.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A string field; empty when absent. */
    String text(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        violations.add(path(name), "must be a string" + found(value)
                + (value.isValueNode() ? " (quote it: \"" + value.asText() + "\")" : ""));
        return "";
    }

    Optional<Boolean> optionalFlag(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        violations.add(path(name), "must be true or false" + found(value));
        return Optional.empty();
    }

    boolean flag(String name) {
        return optionalFlag(name).orElse(false);
    }

    /** A whole number; empty when absent or wrong (reported). */
    OptionalLong integer(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.longValue());
        }
        violations.add(path(name), "must be a whole number" + found(value));
        return OptionalLong.empty();
    }

    /** A whole number that fits an int, 0 when absent. */
    int intValue(String name) {
        OptionalLong value = integer(name);
        if (value.isPresent() && (value.getAsLong() < Integer.MIN_VALUE || value.getAsLong() > Integer.MAX_VALUE)) {
            violations.add(path(name), value.getAsLong() + " is too large");
            return 0;
        }
        return (int) value.orElse(0);
    }

    /** An AS number, as a number or as text (plain or asdot). */
    Optional<AsNumber> asNumber(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isFloatingPointNumber()) {
            violations.add(path(name), value.asText() + " is a decimal number, not an AS number (write the asdot form "
                    + "quoted, e.g. \"1.10\")");
            return Optional.empty();
        }
        if (!value.isIntegralNumber() && !value.isTextual()) {
            violations.add(path(name), AsNumberRules.invalid(value.toString()));
            return Optional.empty();
        }
        Optional<AsNumber> as = AsNumber.parse(value.asText());
        if (as.isEmpty()) {
            violations.add(path(name), AsNumberRules.invalid(value.isTextual() ? "\"" + value.asText() + "\"" : value.asText()));
        }
        return as;
    }

    /** A Go duration string such as {@code 90s}. */
    Optional<Duration> duration(String name) {
        String text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> duration = GoDuration.parse(text);
        if (duration.isEmpty()) {
            violations.add(path(name), "\"" + text + "\" is not a duration (e.g. 90s, 1m30s, 500ms)");
        }
        return duration;
    }

    Optional<FieldReader> object(String name) {
        JsonNode value = raw(name);
        return value == null ? Optional.empty() : of(value, path(name), violations);
    }

    /** A list of mappings, each read at {@code name[i]}. */
    List<FieldReader> objects(String name) {
        List<FieldReader> readers = new ArrayList<>();
        JsonNode value = list(name);
        for (int i = 0; value != null && i < value.size(); i++) {
            of(value.get(i), path(name) + "[" + i + "]", violations).ifPresent(readers::add);
        }
        return readers;
    }

    /** A list of strings. */
    List<String> texts(String name) {
        List<String> texts = new ArrayList<>();
        JsonNode value = list(name);
        for (int i = 0; value != null && i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element.isTextual()) {
                texts.add(element.textValue());
            } else {
                violations.add(path(name) + "[" + i + "]", "must be a string" + found(element));
            }
        }
        return texts;
    }

    private JsonNode list(String name) {
        JsonNode value = raw(name);
        if (value != null && !value.isArray()) {
            violations.add(path(name), "must be a list" + found(value));
            return null;
        }
        return value;
    }

    /** A mapping of strings to strings (labels, annotations). */
    Map<String, String> textMap(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode value = raw(name);
        if (value == null) {
            return map;
        }
        if (!value.isObject()) {
            violations.add(path(name), "must be a mapping of strings" + found(value));
            return map;
        }
        value.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                map.put(e.getKey(), v.textValue());
            } else {
                violations.add(path(name) + "." + e.getKey(), "must be a string" + found(v)
                        + (v.isValueNode() && !v.isNull() ? " (quote it: \"" + v.asText() + "\")" : ""));
            }
        });
        return map;
    }

    /** Reports every field not asked for, with the list of allowed fields. */
    void rejectUnknown() {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                violations.add(path(name), "unknown field (allowed: " + String.join(", ", known) + ")");
            }
        });
    }

    static String found(JsonNode node) {
        if (node.isNull()) {
            return ", found null";
        }
        if (node.isObject()) {
            return ", found a mapping";
        }
        if (node.isArray()) {
            return ", found a list";
        }
        if (node.isTextual()) {
            return ", found \"" + node.textValue() + "\"";
        }
        return ", found " + node.asText();
    }
}
