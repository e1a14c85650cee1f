package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.syncer.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Paces renders per resource: leading edge, then coalescing. A change to an idle resource renders
 * at once, so a lone change is never delayed; changes that follow within the quiet period are
 * folded into one trailing render, which runs once changes stop for the quiet period, or at the
 * latest {@code maxDelay} after the previous render. A storm of changes therefore costs two renders
 * (one at its start, one after it) when it is shorter than {@code maxDelay}, and at most one per
 * {@code maxDelay} otherwise. The trailing render reads the store as it is then, so the last render
 * always reflects the final state. A failed render is retried with doubling backoff. After a
 * render that left the file as it was (nothing reloaded), the quiet period is only
 * {@link #QUIET_AFTER_NO_CHANGE}: a write that changes nothing for this resource (an IPAM block
 * affinity first written pending, then confirmed) must not hold back the one right after it that
 * does, while a storm still folds into one trailing render.
 *
 * <p>All methods run on the owner thread; timers hop back onto it through {@code owner}.
 */
final class Debouncer {

    /** The quiet period after a render that changed nothing (bounded by the configured one). */
    static final Duration QUIET_AFTER_NO_CHANGE = Duration.ofMillis(50);

    private static final class State {
        Instant lastRenderAt;
        boolean lastRenderChanged = true;
        Instant lastChangeAt;
        boolean dirty;
        Scheduler.Cancellable timer;
        boolean timerIsRetry;
        Duration nextRetry;
        /** Identifies the live timer: a timer that fires after being replaced or cancelled is ignored. */
        long generation;
    }

    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Executor owner;
    private final DebounceSettings settings;
    private final Function<String, Outcome> render;
    private final Map<String, State> states = new HashMap<>();

    /**
     * @param render renders one resource by name now; returns what that came to
     */
    Debouncer(InstantSource clock, Scheduler scheduler, Executor owner, DebounceSettings settings,
            Function<String, Outcome> render) {
        this.clock = requireNonNull(clock, "clock is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.render = requireNonNull(render, "render is null");
    }

    /** Something {@code resource} reads changed. */
    void changed(String resource) {
        State state = states.computeIfAbsent(resource, name -> new State());
        Instant now = clock.instant();
        state.lastChangeAt = now;
        if (state.timer != null && state.timerIsRetry) {
            // fresh data deserves a prompt render, not the tail of a failure backoff
            state.timer.cancel();
            state.timer = null;
            state.generation++;
        }
        boolean idle = state.timer == null
                && (state.lastRenderAt == null || !now.isBefore(state.lastRenderAt.plus(quiet(state))));
        if (idle) {
            renderNow(resource, state, now);
            return;
        }
        state.dirty = true;
        if (state.timer == null) {
            arm(resource, state, now);
        }
    }

    /** {@code resource} was rendered outside the debouncer just now and failed: retry it with backoff. */
    void failedElsewhere(String resource) {
        State state = states.computeIfAbsent(resource, name -> new State());
        Instant now = clock.instant();
        state.lastChangeAt = now;
        state.lastRenderAt = now;
        if (state.timer != null) {
            state.timer.cancel();
            state.timer = null;
        }
        scheduleRetry(resource, state);
    }

    /** Cancels every timer (the processor is stopping). */
    void cancelAll() {
        for (State state : states.values()) {
            if (state.timer != null) {
                state.timer.cancel();
                state.timer = null;
                state.generation++;
            }
        }
    }

    private void arm(String resource, State state, Instant now) {
        Instant due = dueTime(state);
        Duration delay = Duration.between(now, due);
        state.timerIsRetry = false;
        long generation = ++state.generation;
        state.timer = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay,
                () -> owner.execute(() -> fire(resource, state, generation)));
    }

    private Duration quiet(State state) {
        Duration quiet = settings.quiet();
        return state.lastRenderChanged || quiet.compareTo(QUIET_AFTER_NO_CHANGE) <= 0 ? quiet : QUIET_AFTER_NO_CHANGE;
    }

    private Instant dueTime(State state) {
        Instant whenQuiet = state.lastChangeAt.plus(quiet(state));
        Instant atLatest = state.lastRenderAt.plus(settings.maxDelay());
        return whenQuiet.isBefore(atLatest) ? whenQuiet : atLatest;
    }

    private void fire(String resource, State state, long generation) {
        if (generation != state.generation) {
            return;
        }
        state.timer = null;
        if (!state.dirty) {
            return;
        }
        Instant now = clock.instant();
        if (now.isBefore(dueTime(state))) {
            arm(resource, state, now);
            return;
        }
        renderNow(resource, state, now);
    }

    private void renderNow(String resource, State state, Instant now) {
        state.dirty = false;
        state.lastRenderAt = now;
        Outcome outcome = render.apply(resource);
        if (!outcome.failed()) {
            state.nextRetry = null;
            state.lastRenderChanged = outcome != Outcome.UNCHANGED;
            return;
        }
        state.lastRenderChanged = true;
        scheduleRetry(resource, state);
    }

    private void scheduleRetry(String resource, State state) {
        Duration delay = state.nextRetry == null ? settings.minRetry() : state.nextRetry;
        Duration doubled = delay.multipliedBy(2);
        state.nextRetry = doubled.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : doubled;
        state.dirty = true;
        state.timerIsRetry = true;
        long generation = ++state.generation;
        state.timer = scheduler.schedule(delay, () -> owner.execute(() -> retry(resource, state, generation)));
    }

    private void retry(String resource, State state, long generation) {
        if (generation != state.generation) {
            return;
        }
        state.timer = null;
        if (state.dirty) {
            renderNow(resource, state, clock.instant());
        }
    }
}
