package io.tabby.datastore.resource.store;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceConflictException;
import io.tabby.datastore.resource.ResourceExistsException;
import io.tabby.datastore.resource.ResourceInUseException;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceNotFoundException;
import io.tabby.datastore.resource.WriteResult.Operation;
import io.tabby.datastore.resource.mapping.Assembled;
import io.tabby.datastore.resource.mapping.Entry;
import io.tabby.datastore.resource.mapping.ResourceMapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a create, replace, apply or delete of one resource into one conditioned transaction,
 * after checking what must hold: a create finds none of its keys, a replace finds the resource
 * (at the given resourceVersion, if any), a key is never taken from another resource, a node
 * with workloads is not deleted.
 */
public final class WritePlanner {
    /** What the caller asked for. */
    public enum Mode { CREATE, REPLACE, APPLY }

    private final Backend backend;
    private final ResourceStore store;

    public WritePlanner(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
        this.store = new ResourceStore(backend);
    }

    public WritePlan plan(Resource resource, Mode mode) {
        ResourceKind kind = resource.kind();
        String name = resource.id();
        ResourceStore.Read read = store.read(kind, name);
        Optional<Assembled> current = read.find(name);
        if (current.isPresent() && mode == Mode.CREATE) {
            throw new ResourceExistsException(kind, name, "");
        }
        if (current.isEmpty() && mode == Mode.REPLACE) {
            throw new ResourceNotFoundException(kind, name);
        }
        current.ifPresent(c -> checkVersion(resource.kind(), name, resource.metadata().resourceVersion(),
                read.snapshot().version(c)));
        List<TxnOp> ops = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (Entry<?> entry : ResourceMapping.INSTANCE.toEntries(resource, read.snapshot().entries())) {
            String path = entry.key().path();
            written.add(path);
            String text = ValueCodec.INSTANCE.encodeUnchecked(entry.key(), entry.value());
            Optional<KeyValue> stored = read.snapshot().raw(entry.key());
            if (stored.isEmpty()) {
                ops.add(TxnOp.create(path, text));
                continue;
            }
            Optional<String> holder = read.holder(entry.key());
            if (holder.isPresent() && !holder.get().equals(name)) {
                throw ResourceExistsException.keyTaken(kind, name, path, holder.get());
            }
            if (current.isEmpty() && mode == Mode.CREATE) {
                throw new ResourceExistsException(kind, name, "its key " + path + " is already set");
            }
            ops.add(TxnOp.update(path, text, stored.get().modRevision()));
        }
        current.ifPresent(c -> c.keys().stream()
                .filter(key -> !written.contains(key.path()))
                .forEach(key -> ops.add(delete(read.snapshot(), key))));
        return new WritePlan(current.isPresent() ? Operation.REPLACE : Operation.CREATE, resource, ops);
    }

    /**
     * Deletes the resource's keys; a node also loses everything under
     * {@code /calico/bgp/v1/host/<node>/} (its peers and log level), as Calico deleted nodes.
     *
     * @param name the resource's id (its name, or {@code namespace/name} for a namespaced kind)
     * @param resourceVersion when not empty, the version the resource must still have
     */
    public WritePlan planDelete(ResourceKind kind, String name, String resourceVersion) {
        ResourceStore.Read read = store.read(kind, name);
        Assembled current = read.find(name).orElseThrow(() -> new ResourceNotFoundException(kind, name));
        long version = read.snapshot().version(current);
        checkVersion(kind, name, resourceVersion, version);
        List<TxnOp> ops = new ArrayList<>();
        current.keys().forEach(key -> ops.add(delete(read.snapshot(), key)));
        if (kind == ResourceKind.NODE) {
            refuseWithWorkloads(name);
            Set<String> deleted = new HashSet<>(current.keys().stream().map(Key::path).toList());
            String bgpHost = KeyPaths.bgpHostPrefix(name);
            read.snapshot().raw().values().stream()
                    .filter(kv -> kv.key().startsWith(bgpHost) && !deleted.contains(kv.key()))
                    .sorted(java.util.Comparator.comparing(KeyValue::key))
                    .forEach(kv -> ops.add(TxnOp.delete(kv.key(), kv.modRevision())));
        }
        Resource resource = current.resource().withMetadata(
                current.resource().metadata().withResourceVersion(Long.toString(version)));
        return new WritePlan(Operation.DELETE, resource, ops);
    }

    private void refuseWithWorkloads(String node) {
        int workloads = backend.list(KeyPaths.workloadPrefix(node)).kvs().size();
        if (workloads > 0) {
            throw new ResourceInUseException(ResourceKind.NODE, node, workloads + " workload endpoint"
                    + (workloads == 1 ? " is" : "s are") + " still on it (under " + KeyPaths.workloadPrefix(node)
                    + "); remove the workloads first");
        }
    }

    private static TxnOp delete(Snapshot snapshot, Key<?> key) {
        return TxnOp.delete(key.path(), snapshot.raw(key).orElseThrow().modRevision());
    }

    private static void checkVersion(ResourceKind kind, String name, String given, long current) {
        if (!given.isEmpty() && !given.equals(Long.toString(current))) {
            throw new ResourceConflictException(kind, name,
                    "resourceVersion " + given + " was given, the current one is " + current);
        }
    }
}
