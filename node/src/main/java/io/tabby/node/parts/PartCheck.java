package io.tabby.node.parts;

import static java.util.Objects.requireNonNull;

import io.tabby.node.health.HealthCheck;
import io.tabby.node.health.Verdict;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A part's readiness, worked out at each probe from the part's own state: {@code notReady} answers
 * why the part is not ready, or empty when it is. A part that runs is live; one that stopped working
 * for good says so through its reason and the agent is restarted by readiness-driven supervisors.
 */
record PartCheck(String name, Supplier<Optional<String>> notReady) implements HealthCheck {

    PartCheck {
        requireNonNull(name, "name is null");
        requireNonNull(notReady, "notReady is null");
    }

    @Override
    public Verdict liveness() {
        return Verdict.pass();
    }

    @Override
    public Verdict readiness() {
        return notReady.get().map(Verdict::fail).orElse(Verdict.pass());
    }
}
