package io.tabby.ctl.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;

/**
 * The values {@code -l/--log-level} accepts: calicoctl's names ({@code panic}, {@code fatal},
 * {@code error}, {@code warn}, {@code info}, {@code debug}) plus {@code trace}, each mapped
 * onto a log4j level. {@code panic} means "almost nothing", as in calicoctl.
 */
public enum LogLevel {
    PANIC(Level.FATAL, java.util.logging.Level.OFF),
    FATAL(Level.FATAL, java.util.logging.Level.OFF),
    ERROR(Level.ERROR, java.util.logging.Level.SEVERE),
    WARN(Level.WARN, java.util.logging.Level.WARNING),
    INFO(Level.INFO, java.util.logging.Level.INFO),
    DEBUG(Level.DEBUG, java.util.logging.Level.FINE),
    TRACE(Level.TRACE, java.util.logging.Level.FINEST);

    private final Level log4jLevel;
    private final java.util.logging.Level julLevel;

    LogLevel(Level log4jLevel, java.util.logging.Level julLevel) {
        this.log4jLevel = log4jLevel;
        this.julLevel = julLevel;
    }

    public Level log4jLevel() {
        return log4jLevel;
    }

    /** The level for java.util.logging, which grpc (under jetcd) logs through. */
    public java.util.logging.Level julLevel() {
        return julLevel;
    }

    /** Parses a level name, case-insensitively; {@code warning} is taken for {@code warn}. */
    public static LogLevel parse(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("warning")) {
            return WARN;
        }
        for (LogLevel level : values()) {
            if (level.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown log level '" + name + "'; expected one of: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(l -> l.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
