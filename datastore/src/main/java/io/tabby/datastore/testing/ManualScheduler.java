package io.tabby.datastore.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.syncer.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose timers fire only inside {@link #advance}, on the calling thread, at
 * their due time on a {@link ManualClock}. Tests move time forward instead of sleeping.
 */
public final class ManualScheduler implements Scheduler {

    private static final class Timer implements Cancellable {
        final long sequence;
        final Runnable task;
        final Duration period; // null for a one-shot timer
        Instant due;
        volatile boolean cancelled;

        Timer(long sequence, Instant due, Duration period, Runnable task) {
            this.sequence = sequence;
            this.due = due;
            this.period = period;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final ManualClock clock;
    private final Object lock = new Object();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            Comparator.comparing((Timer t) -> t.due).thenComparingLong(t -> t.sequence));
    private long nextSequence;

    public ManualScheduler(ManualClock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ManualClock clock() {
        return clock;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        requireNonNull(delay, "delay is null");
        return add(delay.isNegative() ? Duration.ZERO : delay, null, task);
    }

    @Override
    public Cancellable scheduleRepeating(Duration period, Runnable task) {
        requireNonNull(period, "period is null");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a repeating timer needs a positive period, got " + period);
        }
        return add(period, period, task);
    }

    private Timer add(Duration delay, Duration period, Runnable task) {
        requireNonNull(task, "task is null");
        synchronized (lock) {
            Timer timer = new Timer(nextSequence++, clock.instant().plus(delay), period, task);
            timers.add(timer);
            return timer;
        }
    }

    /**
     * Moves the clock forward by {@code amount}, running every timer that falls due on the way,
     * in due order, each with the clock set to its due time.
     */
    public void advance(Duration amount) {
        requireNonNull(amount, "amount is null");
        Instant target = clock.instant().plus(amount);
        for (Firing firing = nextDue(target); firing != null; firing = nextDue(target)) {
            clock.advanceTo(firing.at());
            firing.task().run();
        }
        clock.advanceTo(target);
    }

    /** Timers waiting to fire (not cancelled). */
    public int pendingTimers() {
        synchronized (lock) {
            return (int) timers.stream().filter(t -> !t.cancelled).count();
        }
    }

    private record Firing(Instant at, Runnable task) {}

    private Firing nextDue(Instant target) {
        synchronized (lock) {
            while (!timers.isEmpty()) {
                Timer head = timers.peek();
                if (head.cancelled) {
                    timers.poll();
                    continue;
                }
                if (head.due.isAfter(target)) {
                    return null;
                }
                timers.poll();
                Firing firing = new Firing(head.due, head.task);
                if (head.period != null) {
                    head.due = head.due.plus(head.period);
                    timers.add(head);
                }
                return firing;
            }
            return null;
        }
    }
}
