package io.tabby.cni.json;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A JSON number, kept as its source text so that nothing is lost or reformatted on a round trip.
 */
public record JsonNumber(String text) implements JsonValue {
    private static final Pattern GRAMMAR = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    public JsonNumber {
        requireNonNull(text, "text is null");
        if (!GRAMMAR.matcher(text).matches()) {
            throw new IllegalArgumentException("not a JSON number: '" + text + "'");
        }
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /**
     * The value as a long when it is written as a plain integer that fits, else empty. A fraction
     * or exponent ({@code 1500.0}, {@code 1.5e3}) is refused, as Go's decoder refuses it for an int
     * field, and that also keeps huge exponents from costing anything.
     */
    public OptionalLong longValueExact() {
        if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
