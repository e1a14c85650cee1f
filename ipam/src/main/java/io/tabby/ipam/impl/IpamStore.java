package io.tabby.ipam.impl;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Typed reads and compare-and-swap ops for the IPAM keys, over a {@link Backend}. */
public final class IpamStore {

    private final Backend backend;
    private final ValueCodec codec = ValueCodec.INSTANCE;

    public IpamStore(Backend backend) {
        this.backend = requireNonNull(backend, "backend is null");
    }

    /** The value at {@code key} with its mod revision, or empty. */
    public <V> Optional<Versioned<V>> read(Key<V> key) {
        return backend.get(key.path()).map(kv -> new Versioned<>(codec.decode(key, kv.value()), kv.modRevision()));
    }

    /** Every block of {@code family}, by CIDR. */
    public Map<Cidr, Versioned<AllocationBlock>> blocks(IpFamily family) {
        Map<Cidr, Versioned<AllocationBlock>> blocks = new TreeMap<>(CidrOrder.INSTANCE);
        for (KeyValue kv : backend.list(KeyPaths.blockPrefix(family)).kvs()) {
            BlockKey key = (BlockKey) KeyPaths.parse(kv.key());
            blocks.put(key.cidr(), new Versioned<>(codec.decode(key, kv.value()), kv.modRevision()));
        }
        return blocks;
    }

    /**
     * The CIDRs of every block of {@code family}, sorted, without decoding the blocks: what a
     * caller needs to find free places or the one block holding an address.
     */
    public List<Cidr> blockCidrs(IpFamily family) {
        List<Cidr> cidrs = new ArrayList<>();
        for (KeyValue kv : backend.list(KeyPaths.blockPrefix(family)).kvs()) {
            cidrs.add(((BlockKey) KeyPaths.parse(kv.key())).cidr());
        }
        cidrs.sort(CidrOrder.INSTANCE);
        return cidrs;
    }

    /** {@code node}'s affinities of {@code family}, by block CIDR. */
    public Map<Cidr, Versioned<BlockAffinity>> affinities(String node, IpFamily family) {
        Map<Cidr, Versioned<BlockAffinity>> affinities = new TreeMap<>(CidrOrder.INSTANCE);
        for (KeyValue kv : backend.list(KeyPaths.affinityPrefix(node, family)).kvs()) {
            BlockAffinityKey key = (BlockAffinityKey) KeyPaths.parse(kv.key());
            affinities.put(key.cidr(), new Versioned<>(codec.decode(key, kv.value()), kv.modRevision()));
        }
        return affinities;
    }

    /** Every pool of {@code family}. */
    public List<IpPool> pools(IpFamily family) {
        List<IpPool> pools = new ArrayList<>();
        for (KeyValue kv : backend.list(KeyPaths.poolPrefix(family)).kvs()) {
            Key<?> key = KeyPaths.parse(kv.key());
            pools.add((IpPool) codec.decode(key, kv.value()));
        }
        return pools;
    }

    /** Every pool of {@code family} with its key's mod revision. */
    public List<Versioned<IpPool>> versionedPools(IpFamily family) {
        List<Versioned<IpPool>> pools = new ArrayList<>();
        for (KeyValue kv : backend.list(KeyPaths.poolPrefix(family)).kvs()) {
            Key<?> key = KeyPaths.parse(kv.key());
            pools.add(new Versioned<>((IpPool) codec.decode(key, kv.value()), kv.modRevision()));
        }
        return pools;
    }

    /** The cluster IPAM config; {@link IpamConfig#DEFAULT} when the key is absent. */
    public IpamConfig config() {
        return read(new IpamConfigKey()).map(Versioned::value).orElse(IpamConfig.DEFAULT);
    }

    /** {@code node}'s labels; empty when the node has no metadata key. */
    public Map<String, String> nodeLabels(String node) {
        return read(new HostMetadataKey(node)).map(v -> v.value().labels()).orElse(Map.of());
    }

    public <V> TxnOp create(Key<V> key, V value) {
        return TxnOp.create(key.path(), codec.encode(key, value));
    }

    public <V> TxnOp update(Key<V> key, V value, long modRevision) {
        return TxnOp.update(key.path(), codec.encode(key, value), modRevision);
    }

    public TxnOp delete(Key<?> key, long modRevision) {
        return TxnOp.delete(key.path(), modRevision);
    }

    /** Applies {@code ops} atomically; see {@link Backend#commit}. */
    public long commit(List<TxnOp> ops) {
        return backend.commit(ops);
    }
}
