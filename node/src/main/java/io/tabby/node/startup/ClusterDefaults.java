package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.AlreadyExistsException;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.NodeMesh;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.GlobalBgpField;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.ReadyKey;
import io.tabby.datastore.resource.AsNumber;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The cluster-wide keys calico/node makes sure of: global {@code as_num} (64512) and
 * {@code node_mesh} ({@code {"enabled":true}}) only when absent, and {@code /calico/v1/Ready}
 * set to {@code true}.
 */
public final class ClusterDefaults {
    private static final Logger LOG = LogManager.getLogger(ClusterDefaults.class);
    private final Backend backend;

    public ClusterDefaults(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    /** Creates the global BGP defaults that are missing; an operator's values stay. */
    public void ensureGlobalBgp() {
        createIfAbsent(new GlobalBgpFieldKey(GlobalBgpField.AS_NUM).path(), AsNumber.DEFAULT.toString());
        createIfAbsent(new NodeMeshKey().path(),
                ValueCodec.INSTANCE.encode(new NodeMeshKey(), new NodeMesh(true, UnknownFields.NONE)));
    }

    /** Sets {@code /calico/v1/Ready} to {@code true}, as calico/node does once it has initialised. */
    public void markReady() {
        String path = new ReadyKey().path();
        String value = ValueCodec.INSTANCE.encode(new ReadyKey(), Boolean.TRUE);
        Optional<KeyValue> current = backend.get(path);
        if (current.isEmpty() || !current.get().value().equals(value)) {
            backend.put(path, value);
            LOG.info("set {} to {}", path, value);
        }
    }

    private void createIfAbsent(String path, String value) {
        if (backend.get(path).isPresent()) {
            return;
        }
        try {
            backend.create(path, value);
            LOG.info("created {} = {}", path, value);
        } catch (AlreadyExistsException e) {
            LOG.debug("{} was created by another node meanwhile", path);
        }
    }
}
