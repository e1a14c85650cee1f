package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AllocationTimestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How long after its assignment an address without a workload endpoint is still taken for an ADD
 * in flight rather than a leak. A CNI ADD assigns first and writes the endpoint last, so for a
 * moment every new address looks leaked; the check must neither report nor release it then. The
 * age comes from the allocation's {@code timestamp} attribute; an allocation without one (written
 * by an older writer) has no known age and is judged at once. A timestamp further in the future
 * than the period (a node clock far ahead) counts as no timestamp, so it cannot hide a leak forever.
 *
 * @param period the grace; zero judges every allocation at once
 * @param clock what "now" is
 */
public record LeakGrace(Duration period, Clock clock) {
    /** The default grace, well beyond any ADD's time bound. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(10);

    public LeakGrace {
        requireNonNull(period, "period is null");
        requireNonNull(clock, "clock is null");
        if (period.isNegative()) {
            throw new IllegalArgumentException("leak grace period " + period + " is negative");
        }
    }

    /** {@link #DEFAULT_PERIOD} on the system clock. */
    public static LeakGrace standard() {
        return new LeakGrace(DEFAULT_PERIOD, Clock.systemUTC());
    }

    /** No grace: every allocation without an endpoint is a leak (tests, and operators who know no ADD runs). */
    public static LeakGrace none() {
        return new LeakGrace(Duration.ZERO, Clock.systemUTC());
    }

    /** Judges allocations against one "now", read once. */
    public Judge at() {
        return new Judge(clock.instant());
    }

    /** Whether allocations are still within the grace, against a fixed {@code now}. */
    public final class Judge {
        private final Instant now;

        private Judge(Instant now) {
            this.now = now;
        }

        /** True when {@code attributes} carry a timestamp less than the period before now. */
        public boolean inGrace(Map<String, String> attributes) {
            if (period.isZero() || attributes == null) {
                return false;
            }
            Optional<Instant> assigned = AllocationTimestamp.parse(attributes.get(AllocationAttributes.TIMESTAMP));
            return assigned.isPresent() && assigned.get().isAfter(now.minus(period))
                    && !assigned.get().isAfter(now.plus(period));
        }
    }
}
