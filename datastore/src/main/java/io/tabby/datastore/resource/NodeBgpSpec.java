package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The v3 {@code Node.spec.bgp}.
 *
 * @param asNumber the node's AS; empty means the global AS
 * @param ipv4Address the node's IPv4 address, usually with its subnet ({@code 10.0.2.15/24}); empty if none
 * @param ipv6Address the node's IPv6 address, likewise
 * @param ipv4IPIPTunnelAddr the address of the node's {@code tunl0}, empty if none
 * @param routeReflectorClusterID makes the node a route reflector with this (IPv4-formatted) cluster id
 */
public record NodeBgpSpec(
        Optional<AsNumber> asNumber,
        String ipv4Address,
        String ipv6Address,
        String ipv4IPIPTunnelAddr,
        String routeReflectorClusterID) {

    public NodeBgpSpec {
        requireNonNull(asNumber, "asNumber is null");
        requireNonNull(ipv4Address, "ipv4Address is null");
        requireNonNull(ipv6Address, "ipv6Address is null");
        requireNonNull(ipv4IPIPTunnelAddr, "ipv4IPIPTunnelAddr is null");
        requireNonNull(routeReflectorClusterID, "routeReflectorClusterID is null");
    }

    /** BGP settings with just addresses. */
    public static NodeBgpSpec of(String ipv4Address, String ipv6Address) {
        return new NodeBgpSpec(Optional.empty(), ipv4Address, ipv6Address, "", "");
    }

    /** True when nothing is set (the v3 API rejects an empty {@code bgp}). */
    public boolean isEmpty() {
        return asNumber.isEmpty() && ipv4Address.isEmpty() && ipv6Address.isEmpty()
                && ipv4IPIPTunnelAddr.isEmpty() && routeReflectorClusterID.isEmpty();
    }
}
