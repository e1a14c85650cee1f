package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.NotFoundException;
import io.tabby.datastore.backend.RevisionConflictException;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.MalformedKeyException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Writes and removes workload endpoint keys; removal tolerates a key that is already gone. */
final class EndpointStore {
    private static final int DELETE_ATTEMPTS = 5;

    private final Backend backend;

    EndpointStore(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    void put(WorkloadEndpointKey key, WorkloadEndpoint endpoint) {
        backend.put(KeyPaths.toPath(key), ValueCodec.INSTANCE.encode(key, endpoint));
    }

    Optional<WorkloadEndpoint> get(WorkloadEndpointKey key) {
        return backend.get(KeyPaths.toPath(key)).map(kv -> ValueCodec.INSTANCE.decode(key, kv.value()));
    }

    /** Every workload endpoint on {@code node}; keys Tabby cannot parse are skipped. */
    Map<WorkloadEndpointKey, WorkloadEndpoint> onNode(String node) {
        Map<WorkloadEndpointKey, WorkloadEndpoint> endpoints = new LinkedHashMap<>();
        for (KeyValue kv : backend.list(KeyPaths.workloadPrefix(node)).kvs()) {
            Key<?> key;
            try {
                key = KeyPaths.parse(kv.key());
            } catch (MalformedKeyException e) {
                continue;
            }
            if (key instanceof WorkloadEndpointKey endpointKey) {
                endpoints.put(endpointKey, ValueCodec.INSTANCE.decode(endpointKey, kv.value()));
            }
        }
        return endpoints;
    }

    /** Deletes the key if present; a concurrent writer makes us look again, a bounded number of times. */
    void delete(WorkloadEndpointKey key) {
        String path = KeyPaths.toPath(key);
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
            Optional<KeyValue> current = backend.get(path);
            if (current.isEmpty()) {
                return;
            }
            try {
                backend.delete(path, current.get().modRevision());
                return;
            } catch (NotFoundException gone) {
                return;
            } catch (RevisionConflictException changed) {
                // rewritten between our read and delete: read again
            }
        }
        throw new IllegalStateException("workload endpoint " + path + " kept changing during "
                + DELETE_ATTEMPTS + " delete attempts; retry the DEL");
    }
}
