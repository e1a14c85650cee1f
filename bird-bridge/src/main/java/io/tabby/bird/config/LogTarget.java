package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One {@code log} statement.
 *
 * @param destination {@code syslog}, {@code stderr}, or the file name that was given
 * @param classes the message classes logged there ({@code info}, {@code warning}, ...)
 */
public record LogTarget(String destination, Set<String> classes) {

    public LogTarget {
        requireNonNull(destination, "destination is null");
        classes = Set.copyOf(classes);
    }
}
