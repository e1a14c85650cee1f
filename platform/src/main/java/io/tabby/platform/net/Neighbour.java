package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * A permanent neighbour (ARP/NDP) entry, e.g. a remote VTEP's tunnel address on
 * {@code vxlan.calico}, or a workload's static ARP entry on its {@code cali} interface.
 */
public record Neighbour(String device, InetAddress address, String mac) {

    public Neighbour {
        LinkNames.check(device);
        requireNonNull(address, "address is null");
        mac = LinkNames.checkMac(mac);
    }

    public static Neighbour of(String device, String address, String mac) {
        return new Neighbour(device, IpPrefix.parseAddress(address), mac);
    }
}
