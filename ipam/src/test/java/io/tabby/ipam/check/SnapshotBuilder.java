package io.tabby.ipam.check;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.ipam.block.BlockAllocator;
import io.tabby.ipam.impl.Versioned;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hand-builds IPAM snapshots for checker tests. */
final class SnapshotBuilder {

    private final Map<Cidr, Versioned<AllocationBlock>> blocks = new HashMap<>();
    private final List<AffinityEntry> affinities = new ArrayList<>();
    private final Map<String, Versioned<IpamHandle>> handles = new HashMap<>();
    private final Set<String> nodes = new HashSet<>();
    private final Map<WorkloadEndpointKey, WorkloadEndpoint> endpoints = new HashMap<>();

    SnapshotBuilder block(AllocationBlock block) {
        blocks.put(block.cidr(), new Versioned<>(block, 1));
        return this;
    }

    /** A block of {@code node} with {@code count} addresses for {@code handle}. */
    static AllocationBlock blockWith(String cidr, String node, String handle, int count, Map<String, String> attrs) {
        return BlockAllocator.allocate(AllocationBlock.empty(Cidr.parse(cidr), node), count, handle, attrs).block();
    }

    SnapshotBuilder affinity(String node, String cidr, AffinityState state) {
        affinities.add(new AffinityEntry(node, Cidr.parse(cidr), new Versioned<>(BlockAffinity.of(state), 1)));
        return this;
    }

    SnapshotBuilder handle(String id, String cidr, int count) {
        handles.put(id, new Versioned<>(IpamHandle.of(Map.of(Cidr.parse(cidr), count)), 1));
        return this;
    }

    SnapshotBuilder node(String node) {
        nodes.add(node);
        return this;
    }

    SnapshotBuilder endpoint(String node, String pod, String address) {
        nodes.add(node);
        endpoints.put(new WorkloadEndpointKey(node, "k8s", "default." + pod, "eth0"),
                WorkloadEndpoint.active("cali" + pod, "ee:ee:ee:ee:ee:ee", List.of(),
                        List.of(Cidr.host(IpAddr.parse(address))), List.of(), Map.of()));
        return this;
    }

    IpamSnapshot build() {
        return new IpamSnapshot(7, blocks, affinities, handles, nodes, endpoints);
    }
}
