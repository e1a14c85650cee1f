package io.tabby.confd.processor;

import static java.util.Objects.requireNonNull;

import io.tabby.confd.resource.TemplateResource;
import io.tabby.confd.store.KeyValueStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The loaded template resources, with the questions the processors ask about them. */
public final class ResourceSet {
    private final Map<String, TemplateResource> byName = new LinkedHashMap<>();

    public ResourceSet(List<TemplateResource> resources) {
        for (TemplateResource resource : requireNonNull(resources, "resources is null")) {
            if (byName.putIfAbsent(resource.name(), resource) != null) {
                throw new IllegalArgumentException("two template resources are named " + resource.name());
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("no template resources");
        }
    }

    public Collection<TemplateResource> all() {
        return byName.values();
    }

    public TemplateResource get(String name) {
        TemplateResource resource = byName.get(name);
        if (resource == null) {
            throw new IllegalArgumentException("no template resource named " + name);
        }
        return resource;
    }

    /** Every etcd key prefix some resource reads: what the syncer must follow. */
    public List<String> keyPrefixes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (TemplateResource resource : byName.values()) {
            prefixes.addAll(resource.fullKeys());
        }
        return new ArrayList<>(prefixes);
    }

    /** Names of the resources that read at least one of {@code keys}, in load order. */
    public Set<String> readersOf(Collection<String> keys) {
        Set<String> readers = new LinkedHashSet<>();
        for (TemplateResource resource : byName.values()) {
            for (String key : keys) {
                if (resource.reads(key)) {
                    readers.add(resource.name());
                    break;
                }
            }
        }
        return readers;
    }

    /**
     * Processes every resource once from the store as it is; returns each outcome by name. A
     * checked file often includes files other resources write (bird.cfg includes bird_ipam.cfg),
     * so a resource whose check fails is processed once more at the end of the pass, and only that
     * second failure is an error: on a fresh node one pass writes everything, quietly.
     */
    public Map<String, Outcome> processAll(KeyValueStore store, ResourceProcessor processor) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (TemplateResource resource : byName.values()) {
            outcomes.put(resource.name(),
                    processor.process(resource, store.view(resource.prefix(), resource.fullKeys()), true));
        }
        for (Map.Entry<String, Outcome> entry : outcomes.entrySet()) {
            if (entry.getValue() == Outcome.CHECK_FAILED) {
                entry.setValue(process(entry.getKey(), store, processor));
            }
        }
        return outcomes;
    }

    /** Processes one resource from the store as it is. */
    public Outcome process(String name, KeyValueStore store, ResourceProcessor processor) {
        TemplateResource resource = get(name);
        return processor.process(resource, store.view(resource.prefix(), resource.fullKeys()));
    }
}
