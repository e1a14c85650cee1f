package io.tabby.bird.transport;

import static java.util.Objects.requireNonNull;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.tabby.bird.session.TimerKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The FSM's timers for one owner (a connection's FSM, or a peer's peer-scoped timers), scheduled on
 * the peer's event loop. Starting a timer replaces a running one of the same kind; an expiry is
 * reported only if the timer was not stopped or replaced meanwhile. Use only on {@code loop}.
 */
public final class LoopTimers {
    private final EventLoop loop;
    private final Consumer<TimerKind> onExpiry;
    private final Map<TimerKind, ScheduledFuture<?>> running = new EnumMap<>(TimerKind.class);

    /** {@code onExpiry} is called on {@code loop} with the kind of the timer that ran out. */
    public LoopTimers(EventLoop loop, Consumer<TimerKind> onExpiry) {
        this.loop = requireNonNull(loop, "loop is null");
        this.onExpiry = requireNonNull(onExpiry, "onExpiry is null");
    }

    public void start(TimerKind kind, Duration duration) {
        stop(kind);
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = loop.schedule(() -> {
            if (running.get(kind) == self[0]) {
                running.remove(kind);
                onExpiry.accept(kind);
            }
        }, duration.toNanos(), TimeUnit.NANOSECONDS);
        running.put(kind, self[0]);
    }

    public void stop(TimerKind kind) {
        ScheduledFuture<?> future = running.remove(kind);
        if (future != null) {
            future.cancel(false);
        }
    }

    public boolean isRunning(TimerKind kind) {
        return running.containsKey(kind);
    }

    public void stopAll() {
        running.values().forEach(f -> f.cancel(false));
        running.clear();
    }
}
