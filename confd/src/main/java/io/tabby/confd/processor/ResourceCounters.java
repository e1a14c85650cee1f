package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What happened to one template resource so far; written by the processor, read from any thread. */
public final class ResourceCounters {
    private final InstantSource clock;
    final AtomicLong renders = new AtomicLong();
    final AtomicLong renderFailures = new AtomicLong();
    final AtomicLong checkFailures = new AtomicLong();
    final AtomicLong writeFailures = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong reloads = new AtomicLong();
    final AtomicLong reloadFailures = new AtomicLong();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

    ResourceCounters(InstantSource clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Renders attempted (successful or not). */
    public long renders() {
        return renders.get();
    }

    /** Renders that failed (template error or bad data): the destination kept its last good content. */
    public long renderFailures() {
        return renderFailures.get();
    }

    /** Rendered files that {@code check_cmd} rejected: the destination kept its last good content. */
    public long checkFailures() {
        return checkFailures.get();
    }

    /** Stage files that could not be written or swapped in. */
    public long writeFailures() {
        return writeFailures.get();
    }

    /** Times the destination was replaced. */
    public long updates() {
        return updates.get();
    }

    /** Reload commands that succeeded. */
    public long reloads() {
        return reloads.get();
    }

    public long reloadFailures() {
        return reloadFailures.get();
    }

    /**
     * When this resource last rendered and left its destination up to date (replaced, or already
     * equal); empty until it first did.
     */
    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess.get());
    }

    void markSuccess() {
        lastSuccess.set(clock.instant());
    }

    @Override
    public String toString() {
        return "renders=" + renders + " updates=" + updates + " reloads=" + reloads + " renderFailures="
                + renderFailures + " checkFailures=" + checkFailures + " writeFailures=" + writeFailures
                + " reloadFailures=" + reloadFailures + " lastSuccess=" + lastSuccess;
    }
}
