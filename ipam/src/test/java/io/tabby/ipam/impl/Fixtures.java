package io.tabby.ipam.impl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.Key;

/** Writes pools and IPAM config the way tabbyctl would, for IPAM tests. */
public final class Fixtures {

    private Fixtures() {}

    public static void pool(Backend backend, String cidr) {
        put(backend, new IpPoolKey(Cidr.parse(cidr)), IpPool.of(Cidr.parse(cidr)));
    }

    public static void pool(Backend backend, String cidr, Integer blockSize, boolean disabled, String selector) {
        Cidr network = Cidr.parse(cidr);
        put(backend, new IpPoolKey(network), new IpPool(network, "", null, null, false, !disabled, disabled, null,
                blockSize, selector, null, UnknownFields.NONE));
    }

    public static void config(Backend backend, boolean strictAffinity, boolean autoAllocate, int maxBlocks) {
        put(backend, new IpamConfigKey(), new IpamConfig(strictAffinity, autoAllocate, maxBlocks, UnknownFields.NONE));
    }

    public static <V> void put(Backend backend, Key<V> key, V value) {
        backend.put(key.path(), ValueCodec.INSTANCE.encode(key, value));
    }

    public static <V> V get(Backend backend, Key<V> key) {
        return ValueCodec.INSTANCE.decode(key, backend.get(key.path()).orElseThrow().value());
    }
}
