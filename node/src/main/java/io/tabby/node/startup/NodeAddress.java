package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpPrefix;

/**
 * The address chosen for the node, with its subnet's prefix length ({@code 10.0.2.15/24}), the
 * interface it sits on (empty when it was given and is not on any interface) and why it was chosen.
 */
public record NodeAddress(IpPrefix address, String device, String reason) {
    public NodeAddress {
        requireNonNull(address, "address is null");
        requireNonNull(device, "device is null");
        requireNonNull(reason, "reason is null");
    }

    /** The bare address, e.g. {@code 10.0.2.15}. */
    public String addressText() {
        return IpPrefix.format(address.address());
    }

    /** The subnet, e.g. {@code 10.0.2.0/24}. */
    public String networkText() {
        return address.network().toString();
    }
}
