package io.tabby.datastore.resource.format;

/**
 * Resource names derived from keys, for resources whose v1 key carries no name (the pools and
 * peers of the v1 API and of {@code calicoctl convert}): an address becomes {@code 10-0-0-5}
 * (IPv6: eight four-digit groups, {@code fd00-0000-...-0005}); a pool adds its prefix length
 * ({@code 192-168-0-0-16}); a node-specific peer is {@code <node>.<address>}; a peer port other
 * than 179 is appended ({@code 10-0-0-5-1790}).
 */
public final class DerivedNames {
    private DerivedNames() {
    }

    public static String pool(IpNet cidr) {
        return addressName(cidr.network()) + "-" + cidr.prefixLength();
    }

    public static String peer(String node, PeerAddress peer) {
        String address = addressName(peer.ip());
        if (peer.port() != 0 && peer.port() != PeerAddress.BGP_PORT) {
            address = address + "-" + peer.port();
        }
        return node.isEmpty() ? address : node + "." + address;
    }

    static String addressName(IpNet ip) {
        if (ip.family() == 4) {
            return ip.addressText().replace('.', '-');
        }
        String[] groups = ip.addressText().contains("::") ? expand(ip.addressText()) : ip.addressText().split(":");
        StringBuilder name = new StringBuilder();
        for (String group : groups) {
            if (!name.isEmpty()) {
                name.append('-');
            }
            name.append("0".repeat(4 - group.length())).append(group);
        }
        return name.toString();
    }

    private static String[] expand(String text) {
        String[] halves = text.split("::", -1);
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        String[] groups = new String[8];
        java.util.Arrays.fill(groups, "0");
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        return groups;
    }
}
