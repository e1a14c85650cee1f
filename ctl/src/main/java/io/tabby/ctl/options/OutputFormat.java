package io.tabby.ctl.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What {@code get -o} prints: calicoctl's {@code ps}, {@code wide}, {@code yaml}, {@code json}, plus kubectl's {@code name}. */
public enum OutputFormat {
    /** The narrow table (the default). */
    PS,
    /** The table with every column. */
    WIDE,
    /** Resources as YAML, ready to edit and apply again. */
    YAML,
    /** Resources as JSON. */
    JSON,
    /** One {@code kind/name} per line, as {@code kubectl get -o name}. */
    NAME;

    public static OutputFormat parse(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("yml")) {
            return YAML;
        }
        for (OutputFormat format : values()) {
            if (format.toString().equals(lower)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unrecognized output format '" + value + "'; expected one of: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(OutputFormat::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Turns {@code -o VALUE} into an {@link OutputFormat}, listing the valid ones on error. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
