package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import java.time.InstantSource;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * confd's metrics: counters per template resource (by resource name) and when each last rendered
 * successfully. Written by the processor's owner thread, read from any thread (the node agent's
 * metrics endpoint renders them with {@link io.tabby.confd.metrics.ConfdPrometheusText}).
 */
public final class ConfdCounters {
    private final InstantSource clock;
    private final Map<String, ResourceCounters> byResource = new ConcurrentHashMap<>();

    /** Counters that stamp successes with {@code clock}. */
    public ConfdCounters(InstantSource clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Counters on the system clock. */
    public ConfdCounters() {
        this(InstantSource.system());
    }

    /** The counters of one resource (created at zero when first asked for). */
    public ResourceCounters of(String resource) {
        requireNonNull(resource, "resource is null");
        return byResource.computeIfAbsent(resource, name -> new ResourceCounters(clock));
    }

    /** Every resource's counters, by name. */
    public Map<String, ResourceCounters> all() {
        return new TreeMap<>(byResource);
    }
}
