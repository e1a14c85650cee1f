package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How watch mode paces renders of one resource.
 *
 * @param quiet a change that comes at least this long after the resource's last render renders at
 *     once (leading edge); a change sooner is coalesced, and the coalesced render waits until no
 *     change came for this long
 * @param maxDelay the longest a coalesced render waits after the previous render, however busy etcd is
 * @param minRetry the first delay before rendering again after a failure (Calico: 250 ms)
 * @param maxRetry the bound the retry delay doubles up to (Calico: 5 s)
 */
public record DebounceSettings(Duration quiet, Duration maxDelay, Duration minRetry, Duration maxRetry) {

    /**
     * 300 ms quiet, 5 s at most, retries 250 ms doubling to 5 s. The quiet period outlasts the
     * pauses a real etcd takes inside a burst of puts (fsync), so a burst is not cut in two; it
     * only delays the second of two changes that come close together, never a lone change.
     */
    public static final DebounceSettings DEFAULTS = new DebounceSettings(
            Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(250), Duration.ofSeconds(5));

    public DebounceSettings {
        positive(quiet, "quiet");
        positive(maxDelay, "maxDelay");
        positive(minRetry, "minRetry");
        positive(maxRetry, "maxRetry");
        if (maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than quiet " + quiet);
        }
        if (maxRetry.compareTo(minRetry) < 0) {
            throw new IllegalArgumentException("maxRetry " + maxRetry + " is shorter than minRetry " + minRetry);
        }
    }

    private static void positive(Duration value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
