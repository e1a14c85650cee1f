package io.tabby.datastore.resource;

import java.util.Optional;

/**
 * A BGP autonomous system number, 0..4294967295 (0 only as "none" where the v3 API allows it).
 * Accepts the plain form ({@code 64512}) and the "asdot" form ({@code 1.10} = 1 * 65536 + 10).
 */
public record AsNumber(long value) {
    public static final long MAX = 4_294_967_295L;
    /** Calico's default AS when none is configured. */
    public static final AsNumber DEFAULT = new AsNumber(64512);

    public AsNumber {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("AS number " + value + " is out of range 0.." + MAX);
        }
    }

    /** Parses plain or asdot text; empty when it is neither or out of range. */
    public static Optional<AsNumber> parse(String text) {
        String t = text.strip();
        int dot = t.indexOf('.');
        try {
            if (dot < 0) {
                long v = parseDigits(t);
                return v <= MAX ? Optional.of(new AsNumber(v)) : Optional.empty();
            }
            long high = parseDigits(t.substring(0, dot));
            long low = parseDigits(t.substring(dot + 1));
            if (high > 0xFFFF || low > 0xFFFF) {
                return Optional.empty();
            }
            return Optional.of(new AsNumber(high * 65536 + low));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long parseDigits(String s) {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
