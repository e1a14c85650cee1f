package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * Default resource names for objects whose v1 key is an address rather than a name. A v3
 * IPPool or BGPPeer has a free name, but its v1 key is its CIDR or peer IP; Tabby derives a
 * default name from the address (dots, colons and slashes become dashes) and stores the name
 * in the JSON only when it differs from the derived one.
 */
public final class DerivedNames {

    private DerivedNames() {}

    /** {@code 192.168.0.0/16} gives {@code 192-168-0-0-16}; {@code fd00::/64} gives {@code fd00---64}. */
    public static String of(Cidr cidr) {
        requireNonNull(cidr, "cidr is null");
        return dashed(cidr.toString());
    }

    /** {@code 10.0.0.5} gives {@code 10-0-0-5}; {@code fd00::5} gives {@code fd00--5}. */
    public static String of(IpAddr address) {
        requireNonNull(address, "address is null");
        return dashed(address.toString());
    }

    private static String dashed(String text) {
        return text.replace('.', '-').replace(':', '-').replace('/', '-');
    }
}
