package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A VXLAN device to create, Calico style: {@code vxlan.calico}, VNI 4096, port 4789, the node IP
 * as local address, the interface holding it as parent, and learning off (Felix programs the
 * neighbour and FDB entries itself).
 *
 * @param name     device name
 * @param vni      VXLAN network identifier, 1..16777215
 * @param port     UDP destination port
 * @param local    source address of the tunnel (the node IP)
 * @param parent   the underlay device
 * @param mac      device MAC; empty lets the kernel pick one
 * @param learning whether the kernel learns remote MACs (Calico: false)
 */
public record VxlanSpec(String name, int vni, int port, Optional<InetAddress> local, Optional<String> parent,
                        Optional<String> mac, boolean learning) {

    public VxlanSpec {
        LinkNames.check(name);
        requireNonNull(local, "local is null");
        requireNonNull(parent, "parent is null");
        requireNonNull(mac, "mac is null");
        if (vni < 1 || vni > 0xFFFFFF) {
            throw new IllegalArgumentException("VNI " + vni + " of " + name + " is out of range 1..16777215");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("UDP port " + port + " of " + name + " is out of range 1..65535");
        }
        parent.ifPresent(LinkNames::check);
        mac = mac.map(LinkNames::checkMac);
    }

    /** Calico's defaults: VNI 4096, port 4789, no learning. */
    public static VxlanSpec calico(String name, InetAddress local, String parent, String mac) {
        return new VxlanSpec(name, 4096, 4789, Optional.of(local), Optional.of(parent), Optional.of(mac), false);
    }
}
