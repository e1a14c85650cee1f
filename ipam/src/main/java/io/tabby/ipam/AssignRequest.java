package io.tabby.ipam;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import java.util.List;
import java.util.Map;

/**
 * What {@link Ipam#autoAssign} should assign.
 *
 * @param numV4 how many IPv4 addresses, 0 or more
 * @param numV6 how many IPv6 addresses, 0 or more
 * @param handleId the handle that will own the addresses, e.g. {@code k8s-pod-network.<container id>}
 * @param attributes stored with each allocation (see {@link AllocationAttributes})
 * @param node the node the addresses are for; its blocks are used first
 * @param ipv4Pools the IPv4 pools to use; empty means every usable IPv4 pool
 * @param ipv6Pools the IPv6 pools to use; empty means every usable IPv6 pool
 */
public record AssignRequest(int numV4, int numV6, String handleId, Map<String, String> attributes, String node,
        List<Cidr> ipv4Pools, List<Cidr> ipv6Pools) {

    public AssignRequest {
        if (numV4 < 0 || numV6 < 0) {
            throw new IllegalArgumentException("address counts must not be negative: v4 " + numV4 + ", v6 " + numV6);
        }
        requireNonNull(handleId, "handleId is null");
        if (handleId.isEmpty()) {
            throw new IllegalArgumentException("handle id is empty");
        }
        attributes = Map.copyOf(requireNonNull(attributes, "attributes is null"));
        requireNonNull(node, "node is null");
        ipv4Pools = List.copyOf(requireNonNull(ipv4Pools, "ipv4Pools is null"));
        ipv6Pools = List.copyOf(requireNonNull(ipv6Pools, "ipv6Pools is null"));
        checkFamily(ipv4Pools, IpFamily.V4);
        checkFamily(ipv6Pools, IpFamily.V6);
    }

    /** A request for {@code numV4} + {@code numV6} addresses from any usable pool. */
    public static AssignRequest of(int numV4, int numV6, String handleId, Map<String, String> attributes,
            String node) {
        return new AssignRequest(numV4, numV6, handleId, attributes, node, List.of(), List.of());
    }

    /** How many addresses of {@code family}. */
    public int count(IpFamily family) {
        return family == IpFamily.V4 ? numV4 : numV6;
    }

    /** The requested pools of {@code family}. */
    public List<Cidr> pools(IpFamily family) {
        return family == IpFamily.V4 ? ipv4Pools : ipv6Pools;
    }

    private static void checkFamily(List<Cidr> pools, IpFamily family) {
        for (Cidr pool : pools) {
            if (pool.family() != family) {
                throw new IllegalArgumentException("pool " + pool + " is not " + family);
            }
        }
    }
}
