package io.tabby.felix.api;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.selector.Selector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Ip set ids and kernel names, as Calico felix makes them: a selector's set is
 * {@code s:} + base64url-without-padding(SHA-224({@code s:} + canonical selector)), and the
 * kernel name of an IPv4 set is {@code cali40} + id and of an IPv6 set {@code cali60} + id, cut to
 * 31 characters (IPSET_MAXNAMELEN - 1). One id names a set in each family; each holds the members
 * of its own family.
 */
public final class IpSetIds {
    /** Every IP pool's CIDR ({@code hash:net}); NAT outgoing exempts traffic to these. */
    public static final String ALL_POOLS = "all-ipam-pools";
    /** The CIDRs of pools with {@code masquerade} ({@code hash:net}). */
    public static final String MASQ_POOLS = "masq-ipam-pools";
    /** The underlay addresses of every node with a VXLAN tunnel endpoint ({@code hash:net}). */
    public static final String ALL_VXLAN_NET = "all-vxlan-net";
    /** The underlay addresses of every node ({@code hash:net}), for IPIP: Calico felix 3.x's {@code all-hosts-net}. */
    public static final String ALL_HOSTS_NET = "all-hosts-net";
    /** The prefix of every IPv4 set felix owns. */
    public static final String V4_PREFIX = "cali40";
    /** The prefix of every IPv6 set felix owns. */
    public static final String V6_PREFIX = "cali60";
    private static final int MAX_NAME_LENGTH = 31;

    private IpSetIds() {}

    /** The id of the set holding the addresses of endpoints {@code selector} matches. */
    public static String forSelector(Selector selector) {
        requireNonNull(selector, "selector is null");
        return "s:" + hash("s:" + selector.canonical());
    }

    /** The kernel name of the IPv4 set {@code id}. */
    public static String v4Name(String id) {
        requireNonNull(id, "id is null");
        String name = V4_PREFIX + id;
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    /** The kernel name of the IPv6 set {@code id}. */
    public static String v6Name(String id) {
        requireNonNull(id, "id is null");
        String name = V6_PREFIX + id;
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    /** The kernel name of set {@code id} in {@code family}. */
    public static String name(IpFamily family, String id) {
        return switch (requireNonNull(family, "family is null")) {
            case V4 -> v4Name(id);
            case V6 -> v6Name(id);
        };
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-224", e);
        }
    }
}
