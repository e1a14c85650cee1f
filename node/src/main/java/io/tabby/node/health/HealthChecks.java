package io.tabby.node.health;

import static java.util.Objects.requireNonNull;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The registered components, asked in order for each probe. Thread-safe. */
public final class HealthChecks {

    private final List<HealthCheck> checks = new ArrayList<>();

    public synchronized void register(HealthCheck check) {
        requireNonNull(check, "check is null");
        for (HealthCheck existing : checks) {
            if (existing.name().equals(check.name())) {
                throw new IllegalArgumentException("health component " + check.name() + " is registered twice");
            }
        }
        checks.add(check);
    }

    /** Registers and returns a {@link ComponentHealth} without a heartbeat. */
    public ComponentHealth component(String name, InstantSource clock) {
        ComponentHealth component = new ComponentHealth(name, clock);
        register(component);
        return component;
    }

    public HealthReport liveness() {
        return report("liveness", HealthCheck::liveness);
    }

    public HealthReport readiness() {
        return report("readiness", HealthCheck::readiness);
    }

    private HealthReport report(String probe, Function<HealthCheck, Verdict> ask) {
        List<HealthCheck> now;
        synchronized (this) {
            now = List.copyOf(checks);
        }
        List<HealthReport.Line> lines = new ArrayList<>();
        for (HealthCheck check : now) {
            Verdict verdict;
            try {
                verdict = requireNonNull(ask.apply(check), "verdict is null");
            } catch (RuntimeException e) {
                // A check that throws is itself a health problem; report it instead of failing the probe.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                verdict = Verdict.fail("check failed: " + why.replace('\n', ' '));
            }
            lines.add(new HealthReport.Line(check.name(), verdict));
        }
        return new HealthReport(probe, lines);
    }
}
