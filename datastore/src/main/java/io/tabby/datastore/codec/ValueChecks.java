package io.tabby.datastore.codec;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.PrefixAdvertisement;
import io.tabby.datastore.model.RouteReflector;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.path.RouteReflectorKey;
import java.util.List;
import java.util.Map;

/**
 * Checks a value handed to {@link ValueCodec#encodeUnchecked} before it is written: that it
 * is of the key's value type, and that it does not contradict the key (a pool stored under
 * another pool's CIDR would be read back as malformed).
 */
final class ValueChecks {

    private ValueChecks() {}

    static <T> T as(Object value, Class<T> type, Key<?> key) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("a " + key.getClass().getSimpleName() + " holds a "
                    + type.getSimpleName() + ", not a " + value.getClass().getName()
                    + " (" + KeyPaths.toPath(key) + ")");
        }
        return type.cast(value);
    }

    static <T> List<T> listOf(Object value, Class<T> elementType, Key<?> key) {
        List<?> list = as(value, List.class, key);
        for (Object element : list) {
            as(element, elementType, key);
        }
        @SuppressWarnings("unchecked")
        List<T> typed = (List<T>) list;
        return typed;
    }

    static Map<String, String> mapOf(Object value, Key<?> key) {
        Map<?, ?> map = as(value, Map.class, key);
        map.forEach((k, v) -> {
            as(k, String.class, key);
            as(v, String.class, key);
        });
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) map;
        return typed;
    }

    static IpPool pool(Object value, IpPoolKey key) {
        IpPool pool = as(value, IpPool.class, key);
        if (!pool.cidr().equals(key.cidr())) {
            throw new IllegalArgumentException("pool " + pool.cidr() + " cannot be stored at " + KeyPaths.toPath(key));
        }
        return pool;
    }

    static AllocationBlock block(Object value, BlockKey key) {
        AllocationBlock block = as(value, AllocationBlock.class, key);
        if (!block.cidr().equals(key.cidr())) {
            throw new IllegalArgumentException(
                    "block " + block.cidr() + " cannot be stored at " + KeyPaths.toPath(key));
        }
        return block;
    }

    static BgpPeer peer(Object value, IpAddr keyIp, Key<?> key) {
        BgpPeer peer = as(value, BgpPeer.class, key);
        if (!peer.ip().equals(keyIp)) {
            throw new IllegalArgumentException("peer " + peer.ip() + " cannot be stored at " + KeyPaths.toPath(key));
        }
        return peer;
    }

    static RouteReflector reflector(Object value, RouteReflectorKey key) {
        RouteReflector reflector = as(value, RouteReflector.class, key);
        if (!reflector.ip().equals(key.ip())) {
            throw new IllegalArgumentException(
                    "route reflector " + reflector.ip() + " cannot be stored at " + KeyPaths.toPath(key));
        }
        return reflector;
    }

    static List<PrefixAdvertisement> adverts(Object value, PrefixAdvertisementsKey key) {
        List<PrefixAdvertisement> adverts = listOf(value, PrefixAdvertisement.class, key);
        IpFamily family = key.family();
        for (PrefixAdvertisement advert : adverts) {
            if (advert.cidr().family() != family) {
                throw new IllegalArgumentException(
                        "prefix " + advert.cidr() + " cannot be stored at " + KeyPaths.toPath(key));
            }
        }
        return adverts;
    }
}
