package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.ListResult;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.MalformedKeyException;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.ipam.impl.Versioned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Reads an {@link IpamSnapshot}: the IPAM tree, then the host tree at the same revision. */
public final class SnapshotReader {

    private static final Logger LOG = LogManager.getLogger(SnapshotReader.class);

    private final Backend backend;
    private final ValueCodec codec = ValueCodec.INSTANCE;

    public SnapshotReader(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    public IpamSnapshot read() {
        ListResult ipam = backend.list(KeyPaths.IPAM);
        ListResult hosts = backend.list(KeyPaths.hostsPrefix(), ipam.revision());
        Map<Cidr, Versioned<AllocationBlock>> blocks = new HashMap<>();
        List<AffinityEntry> affinities = new ArrayList<>();
        Map<String, Versioned<IpamHandle>> handles = new HashMap<>();
        for (KeyValue kv : ipam.kvs()) {
            switch (parse(kv.key())) {
                case BlockKey k -> blocks.put(k.cidr(), versioned(k, kv));
                case BlockAffinityKey k -> affinities.add(new AffinityEntry(k.node(), k.cidr(), versioned(k, kv)));
                case IpamHandleKey k -> handles.put(k.handleId(), versioned(k, kv));
                case null, default -> { }
            }
        }
        Set<String> nodes = new HashSet<>();
        Map<WorkloadEndpointKey, WorkloadEndpoint> endpoints = new HashMap<>();
        for (KeyValue kv : hosts.kvs()) {
            String rest = kv.key().substring(KeyPaths.hostsPrefix().length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                nodes.add(rest.substring(0, slash));
            }
            if (parse(kv.key()) instanceof WorkloadEndpointKey k) {
                endpoints.put(k, codec.decode(k, kv.value()));
            }
        }
        return new IpamSnapshot(ipam.revision(), blocks, affinities, handles, nodes, endpoints);
    }

    private <V> Versioned<V> versioned(Key<V> key, KeyValue kv) {
        return new Versioned<>(codec.decode(key, kv.value()), kv.modRevision());
    }

    private static Key<?> parse(String path) {
        try {
            return KeyPaths.parse(path);
        } catch (MalformedKeyException e) {
            LOG.warn("ignoring key the IPAM check cannot parse: {}", e.getMessage());
            return null;
        }
    }
}
