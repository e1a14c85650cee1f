package io.tabby.felix.dataplane;

import java.time.Duration;

/**
 * Hears about each dataplane apply pass that had work to do, for metrics: how long it took and
 * whether a step of it failed (and will be retried). Called on the dataplane thread; keep it cheap.
 */
@FunctionalInterface
public interface ApplyObserver {
    ApplyObserver NONE = (took, failed) -> { };

    void applied(Duration took, boolean failed);
}
