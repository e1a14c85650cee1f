package io.tabby.bird.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test stand-in for the transport: feeds events to a {@link SessionFsm}, runs its timer actions on
 * a manual clock, and keeps every action it saw. Time moves only through {@link #advance}.
 */
final class FsmDriver {
    private static final int MAX_EXPIRIES_PER_ADVANCE = 1_000;

    private final SessionFsm fsm;
    private final Map<TimerKind, Long> deadlines = new EnumMap<>(TimerKind.class);
    private final List<FsmAction> history = new ArrayList<>();
    private long nowMillis;

    FsmDriver(SessionFsm fsm) {
        this.fsm = fsm;
    }

    FsmDriver(SessionConfig config) {
        this(new SessionFsm(config));
    }

    SessionFsm fsm() {
        return fsm;
    }

    SessionState state() {
        return fsm.state();
    }

    List<FsmAction> history() {
        return List.copyOf(history);
    }

    /** Feeds one event and runs its timer actions. */
    List<FsmAction> fire(FsmEvent event) {
        List<FsmAction> actions = fsm.handle(event);
        for (FsmAction action : actions) {
            if (action instanceof FsmAction.StartTimer start) {
                deadlines.put(start.kind(), nowMillis + start.duration().toMillis());
            } else if (action instanceof FsmAction.StopTimer stop) {
                deadlines.remove(stop.kind());
            }
        }
        history.addAll(actions);
        return actions;
    }

    /** Moves the clock forward, firing every timer that falls due on the way, earliest first. */
    List<FsmAction> advance(Duration duration) {
        long target = nowMillis + duration.toMillis();
        List<FsmAction> produced = new ArrayList<>();
        for (int i = 0; i < MAX_EXPIRIES_PER_ADVANCE; i++) {
            Optional<Map.Entry<TimerKind, Long>> due = deadlines.entrySet().stream()
                    .filter(e -> e.getValue() <= target).min(Map.Entry.comparingByValue());
            if (due.isEmpty()) {
                nowMillis = target;
                return produced;
            }
            nowMillis = due.get().getValue();
            deadlines.remove(due.get().getKey());
            produced.addAll(fire(new FsmEvent.TimerExpired(due.get().getKey())));
        }
        throw new AssertionError("more than " + MAX_EXPIRIES_PER_ADVANCE + " timer expiries in one advance");
    }

    /** Time left on a timer, if it is scheduled. */
    Optional<Duration> remaining(TimerKind kind) {
        return Optional.ofNullable(deadlines.get(kind)).map(at -> Duration.ofMillis(at - nowMillis));
    }
}
