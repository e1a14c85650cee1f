package io.tabby.datastore.resource.store;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.mapping.Assembled;
import io.tabby.datastore.resource.mapping.ResourceMapping;
import java.util.List;
import java.util.Optional;

/** Reads resources of a kind from a consistent snapshot, with their versions. */
public final class ResourceStore {
    private final SnapshotReader reader;

    public ResourceStore(Backend backend) {
        this.reader = new SnapshotReader(requireNonNull(backend, "backend is null"));
    }

    /**
     * The resources of a kind found in one snapshot.
     *
     * @param snapshot what was read
     * @param resources every resource of the kind in it, sorted by name
     */
    public record Read(Snapshot snapshot, List<Assembled> resources) {
        public Read {
            requireNonNull(snapshot, "snapshot is null");
            resources = List.copyOf(requireNonNull(resources, "resources is null"));
        }

        /** The resource with {@code id} (its name, or {@code namespace/name} for a namespaced kind). */
        public Optional<Assembled> find(String id) {
            return resources.stream().filter(a -> a.resource().id().equals(id)).findFirst();
        }

        /** The id of the resource that holds {@code key}, if any. */
        public Optional<String> holder(Key<?> key) {
            return resources.stream().filter(a -> a.keys().contains(key)).map(a -> a.resource().id()).findFirst();
        }

        /** Every resource with its version set. */
        public List<Resource> versioned() {
            return resources.stream().map(this::versioned).toList();
        }

        public Resource versioned(Assembled assembled) {
            Resource resource = assembled.resource();
            return resource.withMetadata(resource.metadata().withResourceVersion(Long.toString(snapshot.version(assembled))));
        }
    }

    /** Every resource of {@code kind}. */
    public Read readAll(ResourceKind kind) {
        return read(ResourceMapping.INSTANCE.prefixes(kind), kind);
    }

    /** What is needed to find the resource {@code name} of {@code kind} (which must be a possible name). */
    public Read read(ResourceKind kind, String name) {
        return read(ResourceMapping.INSTANCE.prefixes(kind, name), kind);
    }

    private Read read(List<String> prefixes, ResourceKind kind) {
        Snapshot snapshot = reader.read(prefixes, key -> ResourceMapping.INSTANCE.wants(kind, key));
        return new Read(snapshot, ResourceMapping.INSTANCE.assemble(kind, snapshot.entries()));
    }
}
