package io.tabby.ipam.check;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.ipam.impl.Versioned;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the checker looks at, read at one etcd revision.
 *
 * @param revision the revision every list was served at
 * @param blocks every block of both families, by CIDR
 * @param affinities every affinity key
 * @param handles every handle, by id
 * @param nodes the nodes that have any key under {@code /calico/v1/host/<node>/}
 * @param endpoints every workload endpoint
 */
public record IpamSnapshot(long revision, Map<Cidr, Versioned<AllocationBlock>> blocks,
        List<AffinityEntry> affinities, Map<String, Versioned<IpamHandle>> handles, Set<String> nodes,
        Map<WorkloadEndpointKey, WorkloadEndpoint> endpoints) {

    public IpamSnapshot {
        blocks = Map.copyOf(requireNonNull(blocks, "blocks is null"));
        affinities = List.copyOf(requireNonNull(affinities, "affinities is null"));
        handles = Map.copyOf(requireNonNull(handles, "handles is null"));
        nodes = Set.copyOf(requireNonNull(nodes, "nodes is null"));
        endpoints = Map.copyOf(requireNonNull(endpoints, "endpoints is null"));
    }

    /**
     * This snapshot as it would look once {@code node} is gone: the node and its workload
     * endpoints left out (its blocks and affinities stay; they are what GC cleans up).
     */
    public IpamSnapshot withoutNode(String node) {
        Map<WorkloadEndpointKey, WorkloadEndpoint> others = new HashMap<>(endpoints);
        others.keySet().removeIf(key -> key.node().equals(node));
        Set<String> remaining = new HashSet<>(nodes);
        remaining.remove(node);
        return new IpamSnapshot(revision, blocks, affinities, handles, remaining, others);
    }
}
