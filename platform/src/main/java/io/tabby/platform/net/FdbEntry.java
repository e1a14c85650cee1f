package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * A bridge forwarding-database entry on a VXLAN device ({@code self}, permanent): frames for
 * {@code mac} go in UDP to {@code destination}, the remote node's IP.
 */
public record FdbEntry(String device, String mac, InetAddress destination) {

    public FdbEntry {
        LinkNames.check(device);
        mac = LinkNames.checkMac(mac);
        requireNonNull(destination, "destination is null");
    }

    public static FdbEntry of(String device, String mac, String destination) {
        return new FdbEntry(device, mac, IpPrefix.parseAddress(destination));
    }
}
