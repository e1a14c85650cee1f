package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import java.util.List;

/**
 * Reads and writes resources over a {@link Backend}, in the v1 key layout. Every write validates
 * all given resources first and checks every precondition (exists / does not exist /
 * resourceVersion) before writing anything; then each resource is written in one transaction
 * whose conditions are the mod revisions read. A dry run does all of that and writes nothing.
 *
 * <p>Multi-resource writes that fail part-way (a concurrent change between check and write)
 * throw {@link PartialWriteException} naming what was written.
 */
public final class ResourceClient {
    private final Backend backend;

    public ResourceClient(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    /** Every resource of {@code kind}, sorted by name, read at one revision. */
    public ResourceList list(ResourceKind kind) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** @throws ResourceNotFoundException when there is no such resource */
    public Resource get(ResourceKind kind, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Creates resources that must not exist yet. */
    public List<WriteResult> create(List<? extends Resource> resources, boolean dryRun) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Replaces resources that must exist; a given resourceVersion must be current. */
    public List<WriteResult> replace(List<? extends Resource> resources, boolean dryRun) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Creates or replaces each resource. */
    public List<WriteResult> apply(List<? extends Resource> resources, boolean dryRun) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes resources (by kind and name; a given resourceVersion must be current). */
    public List<WriteResult> delete(List<? extends Resource> resources, boolean dryRun) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Deletes one resource by kind and name. */
    public WriteResult delete(ResourceKind kind, String name, boolean dryRun) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The cluster AS: BGPConfiguration {@code default} asNumber, or 64512 when unset. */
    public AsNumber globalAsNumber() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    Backend backend() {
        return backend;
    }
}
