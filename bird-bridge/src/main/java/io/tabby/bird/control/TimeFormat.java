package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * BIRD 1.6's default time formats in local time: {@code HH:MM:SS} for a moment less than 20 hours
 * ago and the date otherwise (protocol and route columns), and {@code YYYY-MM-DD HH:MM:SS} for
 * {@code show status}.
 */
final class TimeFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration RECENT = Duration.ofHours(20);

    private final Clock clock;

    TimeFormat(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    String since(Instant moment) {
        Instant now = clock.instant();
        DateTimeFormatter format = Duration.between(moment, now).compareTo(RECENT) < 0 ? TIME : DATE;
        return format.format(moment.atZone(zone()));
    }

    String full(Instant moment) {
        return FULL.format(moment.atZone(zone()));
    }

    String now() {
        return full(clock.instant());
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
