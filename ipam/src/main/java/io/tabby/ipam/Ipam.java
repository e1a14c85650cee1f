package io.tabby.ipam;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** IP address management with Calico's semantics: per-node blocks, affinities and handles. */
public interface Ipam {

    /**
     * Assigns the requested number of IPv4 and IPv6 addresses to the request's handle. All or
     * nothing: when the pools cannot supply every address, whatever was taken is released again
     * and {@link PoolExhaustedException} is thrown.
     */
    AssignResult autoAssign(AssignRequest request);

    /**
     * Assigns exactly {@code address} to {@code handleId}.
     *
     * @throws AddressInUseException when the address is already allocated
     * @throws InvalidIpamRequestException when no usable pool holds the address, or strict
     *     affinity forbids taking it from another node's block
     */
    void assignIp(IpAddr address, String handleId, Map<String, String> attributes, String node);

    /**
     * Releases every address of {@code handleId} and deletes the handle.
     *
     * @return the addresses released (empty when the handle does not exist)
     */
    List<IpAddr> releaseByHandle(String handleId);

    /**
     * Releases the given addresses, whoever holds them.
     *
     * @return the addresses that were not allocated
     */
    Set<IpAddr> releaseIps(Set<IpAddr> addresses);

    /** The addresses held by {@code handleId}, sorted; empty when the handle does not exist. */
    List<IpAddr> ipsByHandle(String handleId);

    /**
     * Every handle whose id starts with {@code idPrefix} ({@code ""}: every handle), sorted by id,
     * with the addresses and attributes the blocks hold for it. Read-only; each block is read once.
     * The CNI GC lists {@code <network>.} this way.
     */
    List<HandleAllocations> handles(String idPrefix);

    /**
     * The handle {@code address} is allocated to; empty when it is free, outside every block, or
     * allocated without a handle id.
     */
    Optional<String> handleOf(IpAddr address);

    /**
     * The CIDR of the existing {@code family} pool named by {@code nameOrCidr}: a pool's resource
     * name (e.g. {@code default-ipv4-ippool}) or its CIDR. Empty when no such pool exists; whether
     * the pool may be used (enabled, selecting the node) is for {@link #autoAssign} to say.
     */
    Optional<Cidr> findPool(IpFamily family, String nameOrCidr);
}
