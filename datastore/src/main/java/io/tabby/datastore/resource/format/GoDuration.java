package io.tabby.datastore.resource.format;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Go writes and reads them ({@code time.ParseDuration}, {@code Duration.String()}),
 * the form of every v3 duration field: {@code 90s}, {@code 1m30s}, {@code 50ms}, {@code 1h0m0s}.
 */
public final class GoDuration {
    private static final Pattern PART = Pattern.compile("([0-9]*\\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h)");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoDuration() {
    }

    /** Parses a non-negative Go duration; empty when malformed. */
    public static Optional<Duration> parse(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        if (text.isEmpty() || text.startsWith("-")) {
            return Optional.empty();
        }
        String rest = text.startsWith("+") ? text.substring(1) : text;
        Matcher m = PART.matcher(rest);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < rest.length()) {
            if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
                return Optional.empty();
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            at = m.end();
        }
        if (at == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofNanos(nanos.longValueExact()));
        } catch (ArithmeticException e) {
            // fractional nanoseconds or beyond Go's range
            return Optional.empty();
        }
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> 60 * NANOS_PER_SECOND;
            default -> 3600 * NANOS_PER_SECOND;
        };
    }

    /** Go's {@code Duration.String()}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        if (abs < 1_000) {
            return sign + abs + "ns";
        }
        if (abs < 1_000_000) {
            return sign + decimal(abs, 1_000) + "µs";
        }
        if (abs < NANOS_PER_SECOND) {
            return sign + decimal(abs, 1_000_000) + "ms";
        }
        long hours = abs / (3600 * NANOS_PER_SECOND);
        long minutes = abs / (60 * NANOS_PER_SECOND) % 60;
        String seconds = decimal(abs % (60 * NANOS_PER_SECOND), NANOS_PER_SECOND) + "s";
        if (hours > 0) {
            return sign + hours + "h" + minutes + "m" + seconds;
        }
        if (minutes > 0) {
            return sign + minutes + "m" + seconds;
        }
        return sign + seconds;
    }

    /** {@code value / unit} in plain decimal without trailing zeros, as Go's {@code %v} of a float. */
    public static String decimal(long value, long unit) {
        return BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }
}
