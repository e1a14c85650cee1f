package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

/**
 * An address on an interface, e.g. the VXLAN tunnel address {@code 10.65.1.0/32} on
 * {@code vxlan.calico} or a pod's {@code 10.65.1.1/32} on {@code eth0}.
 */
public record Address(String device, IpPrefix prefix) {

    public Address {
        LinkNames.check(device);
        requireNonNull(prefix, "prefix is null");
    }

    public static Address of(String device, String prefix) {
        return new Address(device, IpPrefix.parse(prefix));
    }
}
