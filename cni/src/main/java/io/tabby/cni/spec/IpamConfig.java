package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The {@code ipam} section with Calico's fields. {@code assign_ipv4} defaults to true and
 * {@code assign_ipv6} to false; the pool lists hold CIDRs or pool names (empty: any pool).
 */
public record IpamConfig(String type, boolean assignIpv4, boolean assignIpv6,
                         List<String> ipv4Pools, List<String> ipv6Pools) {
    public IpamConfig {
        requireNonNull(type, "type is null");
        ipv4Pools = List.copyOf(requireNonNull(ipv4Pools, "ipv4Pools is null"));
        ipv6Pools = List.copyOf(requireNonNull(ipv6Pools, "ipv6Pools is null"));
        if (!assignIpv4 && !assignIpv6) {
            throw new IllegalArgumentException("at least one of assignIpv4 and assignIpv6 must be true");
        }
    }
}
