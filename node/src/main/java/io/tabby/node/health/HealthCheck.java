package io.tabby.node.health;

/** A part of the node agent as the health probes see it. */
public interface HealthCheck {

    /** A short stable name, e.g. {@code syncer}, {@code felix}, {@code confd}, {@code bird}, {@code cni}. */
    String name();

    /** Whether the part still works at all; failing liveness makes a supervisor restart the agent. */
    Verdict liveness();

    /** Whether the part is doing its job now, e.g. in sync with the datastore. */
    Verdict readiness();
}
