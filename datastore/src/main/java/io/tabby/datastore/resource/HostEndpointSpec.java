package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The v3 {@code HostEndpoint} spec.
 *
 * @param node the node the interface is on
 * @param interfaceName the interface, or {@code ""} to match by expected IPs
 * @param expectedIPs the interface's addresses
 * @param profiles profiles whose rules and labels apply
 */
public record HostEndpointSpec(String node, String interfaceName, List<String> expectedIPs, List<String> profiles) {
    public HostEndpointSpec {
        requireNonNull(node, "node is null");
        requireNonNull(interfaceName, "interfaceName is null");
        expectedIPs = List.copyOf(requireNonNull(expectedIPs, "expectedIPs is null"));
        profiles = List.copyOf(requireNonNull(profiles, "profiles is null"));
    }
}
