package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * BIRD's {@code error wait time min,max}: the delay before an automatic restart after an error
 * starts at min and doubles with each further error up to max. An Established period as long as
 * {@code error forget time} clears it (BIRD forgets errors older than that). Not thread-safe: owned
 * by the session's event loop.
 */
public final class ErrorWait {
    private final Duration min;
    private final Duration max;
    private Duration current = Duration.ZERO;

    public ErrorWait(Duration min, Duration max) {
        this.min = requireNonNull(min, "min is null");
        this.max = requireNonNull(max, "max is null");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("error wait " + min + ".." + max + " needs 0 < min <= max");
        }
    }

    /** Records an error and returns how long to wait before the next automatic start. */
    public Duration onError() {
        current = current.isZero() ? min : min(current.multipliedBy(2), max);
        return current;
    }

    /** Forgets earlier errors: the next one waits min again. */
    public void reset() {
        current = Duration.ZERO;
    }

    /** The wait last computed, zero when no error is remembered. */
    public Duration current() {
        return current;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
