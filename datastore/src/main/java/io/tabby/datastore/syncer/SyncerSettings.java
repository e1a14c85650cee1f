package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a {@link Syncer} paces itself.
 *
 * @param minRetryBackoff the first delay before reconnecting after a failure
 * @param maxRetryBackoff the bound the delay doubles up to; each delay is jittered down to half
 * @param progressInterval how often a quiet watch asks etcd for a progress notification
 * @param stallDeadline how long a watch may go with neither an event nor a progress notification
 *     before it is treated as lost; longer than {@code progressInterval}
 */
public record SyncerSettings(
        Duration minRetryBackoff, Duration maxRetryBackoff, Duration progressInterval, Duration stallDeadline) {

    /**
     * 100 ms .. 2 s backoff; progress every 3 s; a stream silent for 10 s is dead. The backoff stays
     * short because an agent must be back in sync within 5 s of etcd's return even after a long
     * outage (issue 7's fault tests: at 5 s the last wait alone could use up that budget); an
     * attempt against a dead etcd costs one refused connection.
     */
    public static final SyncerSettings DEFAULTS = new SyncerSettings(
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10));

    public SyncerSettings {
        requirePositive(minRetryBackoff, "minRetryBackoff");
        requirePositive(maxRetryBackoff, "maxRetryBackoff");
        requirePositive(progressInterval, "progressInterval");
        requirePositive(stallDeadline, "stallDeadline");
        if (maxRetryBackoff.compareTo(minRetryBackoff) < 0) {
            throw new IllegalArgumentException("maxRetryBackoff " + maxRetryBackoff
                    + " is below minRetryBackoff " + minRetryBackoff);
        }
        if (stallDeadline.compareTo(progressInterval) <= 0) {
            throw new IllegalArgumentException("stallDeadline " + stallDeadline
                    + " must be longer than progressInterval " + progressInterval
                    + ", or a quiet but healthy watch would count as stalled");
        }
    }

    private static void requirePositive(Duration value, String name) {
        requireNonNull(value, name + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
