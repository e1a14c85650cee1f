package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.resource.FelixSetting;
import io.tabby.datastore.resource.FelixValue;
import io.tabby.datastore.resource.format.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Felix settings as the plain strings Felix reads from {@code /calico/v1/config/<Name>}: booleans
 * {@code true}/{@code false}, numbers in decimal, durations in seconds (or milliseconds for the
 * {@code ...Millis} settings), failsafe ports as {@code tcp:22,udp:68} ({@code none} when empty),
 * route tables as {@code 1-250}. Reading accepts what older writers used (any case,
 * {@code RETURN}, {@code info}, a port without protocol meaning TCP).
 */
final class FelixValueText {
    private FelixValueText() {
    }

    static String format(FelixSetting setting, FelixValue value) {
        return switch (value) {
            case FelixValue.Flag f -> Boolean.toString(f.value());
            case FelixValue.Number n -> Long.toString(n.value());
            case FelixValue.Text t -> t.value();
            case FelixValue.Interval i -> GoDuration.decimal(i.value().toNanos(),
                    setting.type() == FelixSetting.ValueType.MILLISECONDS ? 1_000_000L : 1_000_000_000L);
            case FelixValue.Ports p -> p.value().isEmpty() ? "none" : String.join(",", p.value().stream()
                    .map(port -> port.protocol().toLowerCase(Locale.ROOT) + ":" + port.port()).toList());
            case FelixValue.TableRange r -> r.min() + "-" + r.max();
        };
    }

    /** The value of {@code setting} stored as {@code text}; empty when it cannot be understood. */
    static Optional<FelixValue> parse(FelixSetting setting, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (setting.type()) {
                case BOOLEAN -> bool(t);
                case INTEGER -> Optional.of(new FelixValue.Number(t.matches("0[xX][0-9a-fA-F]+")
                        ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t)));
                case TEXT, IPV4_ADDRESS -> Optional.of(new FelixValue.Text(t));
                case CHOICE -> setting.choices().stream().filter(c -> c.equalsIgnoreCase(t)).findFirst()
                        .or(() -> setting.choices().contains("Fatal") && t.equalsIgnoreCase("critical")
                                ? Optional.of("Fatal") : Optional.empty())
                        .map(FelixValue.Text::new);
                case SECONDS -> Optional.of(interval(t, 1_000_000_000L));
                case MILLISECONDS -> Optional.of(interval(t, 1_000_000L));
                case PROTO_PORTS -> ports(t);
                case TABLE_RANGE -> range(t);
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<FelixValue> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(new FelixValue.Flag(true));
            case "false" -> Optional.of(new FelixValue.Flag(false));
            default -> Optional.empty();
        };
    }

    private static FelixValue interval(String text, long nanosPerUnit) {
        long nanos = new BigDecimal(text).multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact();
        if (nanos < 0) {
            throw new NumberFormatException("negative");
        }
        return new FelixValue.Interval(Duration.ofNanos(nanos));
    }

    private static Optional<FelixValue> ports(String text) {
        List<FelixValue.ProtoPort> ports = new ArrayList<>();
        if (text.equalsIgnoreCase("none")) {
            return Optional.of(new FelixValue.Ports(ports));
        }
        for (String part : text.split(",")) {
            String[] pieces = part.strip().split(":");
            String protocol = pieces.length == 2 ? pieces[0].toUpperCase(Locale.ROOT) : "TCP";
            ports.add(new FelixValue.ProtoPort(protocol, Integer.parseInt(pieces[pieces.length - 1])));
        }
        return Optional.of(new FelixValue.Ports(ports));
    }

    private static Optional<FelixValue> range(String text) {
        String[] parts = text.split("-");
        if (parts.length != 2) {
            return Optional.empty();
        }
        return Optional.of(new FelixValue.TableRange(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())));
    }
}
