package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A host endpoint, the value at {@code /calico/v1/host/<node>/endpoint/<id>}. Every field is
 * omitted when empty.
 *
 * @param name {@code name}: the interface, or {@code ""} for none
 * @param expectedIpv4Addrs {@code expected_ipv4_addrs}
 * @param expectedIpv6Addrs {@code expected_ipv6_addrs}
 * @param labels {@code labels}, written sorted by key
 * @param profileIds {@code profile_ids}
 * @param unknown fields Tabby does not model
 */
public record HostEndpoint(
        String name,
        List<IpAddr> expectedIpv4Addrs,
        List<IpAddr> expectedIpv6Addrs,
        Map<String, String> labels,
        List<String> profileIds,
        UnknownFields unknown) {

    public HostEndpoint {
        requireNonNull(name, "name is null");
        expectedIpv4Addrs = List.copyOf(requireNonNull(expectedIpv4Addrs, "expectedIpv4Addrs is null"));
        expectedIpv6Addrs = List.copyOf(requireNonNull(expectedIpv6Addrs, "expectedIpv6Addrs is null"));
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
        profileIds = List.copyOf(requireNonNull(profileIds, "profileIds is null"));
        requireNonNull(unknown, "unknown is null");
    }
}
