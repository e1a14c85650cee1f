package io.tabby.datastore.syncer;

import java.time.Duration;

/**
 * Timers, behind an interface so tests drive time by hand
 * ({@link io.tabby.datastore.testing.ManualScheduler}) instead of sleeping. Tasks must be short:
 * the syncer's only hand a command to its owner thread.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} every {@code period}, the first time one period from now. */
    Cancellable scheduleRepeating(Duration period, Runnable task);

    /** A pending timer. Cancelling twice, or after it ran, is harmless. */
    interface Cancellable {
        void cancel();
    }
}
