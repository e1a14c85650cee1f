package io.tabby.ipam;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code timestamp} allocation attribute in Calico's form: Go's {@code time.Now().UTC().String()},
 * e.g. {@code 2024-05-01 12:30:45.123456789 +0000 UTC} (the fraction without trailing zeros, left
 * out when zero). Reading also takes ISO-8601, and Go's form with another offset or a monotonic
 * clock suffix ({@code m=+1.5}), since other writers may store either.
 */
public final class AllocationTimestamp {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Pattern GO_FORM = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))? ([+-]\\d{4})(?: \\S+)?(?: m=\\S+)?");

    private AllocationTimestamp() {}

    /** {@code instant} as Calico writes it. */
    public static String format(Instant instant) {
        requireNonNull(instant, "instant is null");
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(SECONDS.format(utc));
        int nanos = utc.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
            text.append('.').append(fraction);
        }
        return text.append(" +0000 UTC").toString();
    }

    /** The instant {@code text} names; empty when it is not a timestamp in a known form. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher go = GO_FORM.matcher(text.strip());
        try {
            if (go.matches()) {
                LocalDateTime local = LocalDateTime.parse(go.group(1), SECONDS);
                String fraction = go.group(2) == null ? "0" : go.group(2);
                int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
                ZoneOffset offset = ZoneOffset.of(go.group(3).substring(0, 3) + ":" + go.group(3).substring(3));
                return Optional.of(local.withNano(nanos).toInstant(offset));
            }
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
