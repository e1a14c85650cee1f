package io.tabby.ipam;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import java.util.List;

/**
 * The addresses {@link Ipam#autoAssign} assigned.
 *
 * @param ipv4 the IPv4 addresses, in assignment order
 * @param ipv6 the IPv6 addresses, in assignment order
 */
public record AssignResult(List<IpAddr> ipv4, List<IpAddr> ipv6) {
    public AssignResult {
        ipv4 = List.copyOf(requireNonNull(ipv4, "ipv4 is null"));
        ipv6 = List.copyOf(requireNonNull(ipv6, "ipv6 is null"));
    }
}
