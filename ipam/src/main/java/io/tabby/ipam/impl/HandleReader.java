package io.tabby.ipam.impl;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.MalformedKeyException;
import io.tabby.ipam.AllocatedAddress;
import io.tabby.ipam.HandleAllocations;
import io.tabby.ipam.block.BlockQueries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lists handles by id prefix with the addresses their blocks hold: the handle keys under the
 * prefix in one list call, then each block they name, read once however many handles share it.
 */
final class HandleReader {

    private final Backend backend;
    private final IpamStore store;

    HandleReader(Backend backend, IpamStore store) {
        this.backend = requireNonNull(backend, "backend is null");
        this.store = requireNonNull(store, "store is null");
    }

    List<HandleAllocations> handles(String idPrefix) {
        requireNonNull(idPrefix, "idPrefix is null");
        Map<String, IpamHandle> handles = new TreeMap<>();
        for (KeyValue kv : backend.list(listPrefix(idPrefix)).kvs()) {
            if (parse(kv.key()) instanceof IpamHandleKey key && key.handleId().startsWith(idPrefix)) {
                handles.put(key.handleId(), ValueCodec.INSTANCE.decode(key, kv.value()));
            }
        }
        Map<Cidr, Optional<AllocationBlock>> blocks = new HashMap<>();
        List<HandleAllocations> out = new ArrayList<>();
        handles.forEach((id, handle) -> {
            List<AllocatedAddress> allocations = new ArrayList<>();
            for (Cidr cidr : handle.block().keySet()) {
                Optional<AllocationBlock> block = blocks.computeIfAbsent(cidr,
                        c -> store.read(new BlockKey(c)).map(Versioned::value));
                block.ifPresent(b -> {
                    for (int ordinal : BlockQueries.ordinalsOf(b, id)) {
                        Map<String, String> attributes = BlockQueries.ownerOf(b, ordinal)
                                .map(AllocationAttribute::secondary).orElse(null);
                        allocations.add(new AllocatedAddress(cidr.addressAt(ordinal),
                                attributes == null ? Map.of() : attributes));
                    }
                });
            }
            allocations.sort(Comparator.comparing(a -> Cidr.host(a.address()), CidrOrder.INSTANCE));
            out.add(new HandleAllocations(id, allocations));
        });
        return out;
    }

    private static Object parse(String path) {
        try {
            return KeyPaths.parse(path);
        } catch (MalformedKeyException e) {
            return null;
        }
    }

    /** The key prefix to list: the escaped id prefix when it forms a valid key, else every handle. */
    private static String listPrefix(String idPrefix) {
        if (idPrefix.isEmpty()) {
            return KeyPaths.handlePrefix();
        }
        try {
            return KeyPaths.toPath(new IpamHandleKey(idPrefix));
        } catch (IllegalArgumentException e) {
            return KeyPaths.handlePrefix();
        }
    }
}
