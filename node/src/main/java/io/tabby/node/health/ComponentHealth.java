package io.tabby.node.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A health check a part drives from its own callbacks: it starts not ready ("starting"), becomes
 * {@link #ready()}, may fall back to {@link #notReady(String)} (e.g. the syncer re-listing after a
 * compaction) and, for a failure it cannot recover from, {@link #dead(String)}. With a heartbeat
 * timeout, a part that stops calling {@link #beat()} for that long is reported not live: a hung
 * loop, or an etcd watch that stopped delivering progress.
 */
public final class ComponentHealth implements HealthCheck {

    private record State(boolean ready, String reason, Optional<String> death) {
    }

    private final String name;
    private final InstantSource clock;
    private final Optional<Duration> heartbeatTimeout;
    private volatile State state = new State(false, "starting", Optional.empty());
    private volatile Instant lastBeat;

    /** A component without a heartbeat. */
    public ComponentHealth(String name, InstantSource clock) {
        this(name, clock, Optional.empty());
    }

    public ComponentHealth(String name, InstantSource clock, Optional<Duration> heartbeatTimeout) {
        this.name = requireNonNull(name, "name is null");
        if (name.isBlank() || name.contains("\n") || name.contains(":")) {
            throw new IllegalArgumentException("component name '" + name + "' must be one word");
        }
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeatTimeout = requireNonNull(heartbeatTimeout, "heartbeatTimeout is null");
        heartbeatTimeout.ifPresent(timeout -> {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("heartbeat timeout of " + name + " must be positive: " + timeout);
            }
        });
        this.lastBeat = clock.instant();
    }

    @Override
    public String name() {
        return name;
    }

    public void ready() {
        state = new State(true, "", Optional.empty());
    }

    public void notReady(String reason) {
        requireNonNull(reason, "reason is null");
        state = new State(false, reason.isBlank() ? "not ready" : reason, Optional.empty());
    }

    /** The part failed for good; the agent should be restarted. */
    public void dead(String reason) {
        requireNonNull(reason, "reason is null");
        String why = reason.isBlank() ? "failed" : reason;
        state = new State(false, why, Optional.of(why));
    }

    /** The part is making progress. */
    public void beat() {
        lastBeat = clock.instant();
    }

    @Override
    public Verdict liveness() {
        State now = state;
        if (now.death().isPresent()) {
            return Verdict.fail(oneLine(now.death().get()));
        }
        if (heartbeatTimeout.isPresent()) {
            Duration silent = Duration.between(lastBeat, clock.instant());
            if (silent.compareTo(heartbeatTimeout.get()) > 0) {
                return Verdict.fail("no progress for " + silent.toSeconds() + "s (limit "
                        + heartbeatTimeout.get().toSeconds() + "s)");
            }
        }
        return Verdict.pass();
    }

    @Override
    public Verdict readiness() {
        Verdict live = liveness();
        if (!live.passing()) {
            return live;
        }
        State now = state;
        return now.ready() ? Verdict.pass() : Verdict.fail(oneLine(now.reason()));
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }
}
