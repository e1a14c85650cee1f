package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** CLUSTER_LIST (type 10, optional non-transitive, RFC 4456): cluster ids, at least one. */
public record ClusterList(List<Integer> clusterIds) implements PathAttribute {
    public ClusterList {
        clusterIds = List.copyOf(requireNonNull(clusterIds, "clusterIds is null"));
        if (clusterIds.isEmpty()) {
            throw new IllegalArgumentException("CLUSTER_LIST needs at least one cluster id");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.CLUSTER_LIST;
    }
}
