package io.tabby.datastore.syncer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The real {@link Scheduler}: one daemon timer thread. Close it to stop the thread. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler(String threadName) {
        requireNonNull(threadName, "threadName is null");
        executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(threadName).daemon(true).factory());
        // cancelled retry timers would otherwise sit in the queue until their delay passes
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        requireNonNull(task, "task is null");
        var future = executor.schedule(task, requireNonNull(delay, "delay is null").toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable scheduleRepeating(Duration period, Runnable task) {
        requireNonNull(task, "task is null");
        long nanos = requireNonNull(period, "period is null").toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("a repeating timer needs a positive period, got " + period);
        }
        var future = executor.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
