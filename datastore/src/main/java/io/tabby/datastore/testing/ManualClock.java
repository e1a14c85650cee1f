package io.tabby.datastore.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that only moves when a test moves it. Safe to read from any thread. */
public final class ManualClock implements InstantSource {
    /** An arbitrary, fixed starting point so runs are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;

    public ManualClock() {
        this(DEFAULT_START);
    }

    public ManualClock(Instant start) {
        now = new AtomicReference<>(requireNonNull(start, "start is null"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward by {@code amount} (zero or positive). */
    public void advance(Duration amount) {
        requireNonNull(amount, "amount is null");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + amount);
        }
        now.updateAndGet(t -> t.plus(amount));
    }

    /** Moves the clock forward to {@code target}; a target in the past leaves it where it is. */
    public void advanceTo(Instant target) {
        requireNonNull(target, "target is null");
        now.updateAndGet(t -> target.isAfter(t) ? target : t);
    }
}
