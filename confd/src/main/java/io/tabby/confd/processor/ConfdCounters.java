package io.tabby.confd.processor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counters per template resource (by resource name). */
public final class ConfdCounters {
    private final Map<String, ResourceCounters> byResource = new ConcurrentHashMap<>();

    /** The counters of one resource (created at zero when first asked for). */
    public ResourceCounters of(String resource) {
        return byResource.computeIfAbsent(resource, name -> new ResourceCounters());
    }

    /** Every resource's counters, by name. */
    public Map<String, ResourceCounters> all() {
        return new TreeMap<>(byResource);
    }
}
