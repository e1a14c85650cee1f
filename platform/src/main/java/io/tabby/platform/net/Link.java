package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

/**
 * A network interface as the kernel reports it.
 *
 * @param name  interface name, e.g. {@code cali1234567890a}
 * @param index ifindex (0 when unknown, as in the fake before creation)
 * @param kind  the driver kind ({@code veth}, {@code vxlan}, {@code bridge}, ...) or empty for
 *              plain devices such as {@code lo}
 * @param mtu   MTU in bytes
 * @param mac   MAC address in lower-case colon form, or empty when the device has none
 * @param up    whether the administrative UP flag is set
 */
public record Link(String name, int index, String kind, int mtu, String mac, boolean up) {

    public Link {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(mac, "mac is null");
        LinkNames.check(name);
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu " + mtu + " of " + name + " is negative");
        }
        mac = mac.toLowerCase(java.util.Locale.ROOT);
    }
}
