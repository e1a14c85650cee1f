package io.tabby.datastore.resource.format;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.DerivedNames;
import io.tabby.datastore.model.IpAddr;

/**
 * The names Tabby gives resources whose v1 key holds an address but no name (the pools and peers
 * of calicoctl v1, and v1 keys written without a {@code name}): the datastore's
 * {@link DerivedNames} of the CIDR or peer address ({@code 192-168-0-0-16}, {@code 10-0-0-5}),
 * with a node-specific peer prefixed by its node ({@code node1.10-0-0-5}, as
 * {@code calicoctl convert} names it) and a peer port other than 179 appended ({@code 10-0-0-5-1790}),
 * so that no two peers share a name.
 */
public final class DefaultNames {
    private DefaultNames() {
    }

    public static String pool(IpNet cidr) {
        return DerivedNames.of(Cidr.parse(cidr.network().toString()));
    }

    public static String peer(String node, IpAddr ip, int port) {
        String name = DerivedNames.of(ip);
        if (port != 0 && port != PeerAddress.BGP_PORT) {
            name = name + "-" + port;
        }
        return node.isEmpty() ? name : node + "." + name;
    }

    public static String peer(String node, PeerAddress peer) {
        return peer(node, IpAddr.parse(peer.ip().addressText()), peer.port());
    }
}
