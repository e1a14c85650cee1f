package io.tabby.datastore.resource;

import java.util.List;

/**
 * Prints resources as calicoctl {@code get -o yaml|json} does: one resource as its own document,
 * several as a {@code <Kind>List} ({@code List} when kinds are mixed) with {@code apiVersion},
 * {@code items}, {@code kind} and {@code metadata.resourceVersion}. YAML keys are sorted, JSON
 * keeps the v3 field order; unset optional fields are left out.
 */
public final class ResourceRenderer {

    public ResourceRenderer() {
    }

    /**
     * YAML for {@code resources}: a list document when {@code asList}, else the single resource
     * (exactly one required). The list's resourceVersion is the highest of the items'.
     */
    public String yaml(List<Resource> resources, boolean asList) {
        return yaml(resources, asList, "");
    }

    /** As {@link #yaml(List, boolean)}, with the list's resourceVersion given (e.g. the read revision). */
    public String yaml(List<Resource> resources, boolean asList, String listResourceVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** YAML for a listed kind, with the read revision as the list's resourceVersion. */
    public String yaml(ResourceList list) {
        return yaml(list.items(), true, Long.toString(list.revision()));
    }

    /** JSON, in the same shapes as {@link #yaml(List, boolean)}. */
    public String json(List<Resource> resources, boolean asList) {
        return json(resources, asList, "");
    }

    public String json(List<Resource> resources, boolean asList, String listResourceVersion) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public String json(ResourceList list) {
        return json(list.items(), true, Long.toString(list.revision()));
    }
}
