package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

/**
 * One element of {@code interface -"cali*", "*";}: a shell-style name pattern, excluded when
 * written with a leading minus. The first matching element decides.
 */
public record InterfacePattern(boolean exclude, String pattern) {

    public InterfacePattern {
        requireNonNull(pattern, "pattern is null");
    }
}
