package io.tabby.bird.session;

import java.util.EnumSet;
import java.util.Set;

/**
 * The timers started and not yet stopped, kept in step with the actions emitted. It lets an FSM
 * ignore an expiry that raced with a stop, and drop stops of timers that are not running so
 * action lists stay short.
 */
final class RunningTimers {
    private final EnumSet<TimerKind> running = EnumSet.noneOf(TimerKind.class);

    boolean contains(TimerKind kind) {
        return running.contains(kind);
    }

    void start(TimerKind kind) {
        running.add(kind);
    }

    /** Stops {@code kind}; returns whether it was running. Also accepts an expiry. */
    boolean stop(TimerKind kind) {
        return running.remove(kind);
    }

    Set<TimerKind> snapshot() {
        return Set.copyOf(running);
    }
}
