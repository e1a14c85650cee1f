package io.tabby.node.bgpstatus;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Timing of {@link BgpStatusPublisher}.
 *
 * @param ttl the lease's time to live: how long a dead node's status outlives it (default 90 s)
 * @param minInterval at most one write per this interval, so a flapping session cannot flood etcd
 *     (default 2 s)
 * @param pollInterval how often the sessions are sampled and the lease checked (default 1 s)
 */
public record PublisherSettings(Duration ttl, Duration minInterval, Duration pollInterval) {

    public static final PublisherSettings DEFAULTS =
            new PublisherSettings(Duration.ofSeconds(90), Duration.ofSeconds(2), Duration.ofSeconds(1));

    public PublisherSettings {
        requireNonNull(ttl, "ttl is null");
        requireNonNull(minInterval, "minInterval is null");
        requireNonNull(pollInterval, "pollInterval is null");
        if (ttl.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("BGP status TTL " + ttl + " is below etcd's minimum of 2s");
        }
        if (minInterval.isNegative() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("BGP status intervals must be positive: min " + minInterval
                    + ", poll " + pollInterval);
        }
        if (pollInterval.multipliedBy(3).compareTo(ttl) > 0) {
            throw new IllegalArgumentException("BGP status poll interval " + pollInterval
                    + " must be at most a third of the TTL " + ttl + " so the lease is refreshed in time");
        }
    }

    /** The lease is refreshed once this much of it has passed. */
    Duration refreshAfter() {
        return ttl.dividedBy(3);
    }
}
