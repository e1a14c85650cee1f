package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.IpPoolSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The default pools calico/node creates when none exist: {@code TABBY_IPV4POOL_CIDR} (or
 * {@code CALICO_IPV4POOL_CIDR}; default {@code 192.168.0.0/16}), {@code TABBY_IPV4POOL_BLOCK_SIZE}
 * 26, {@code TABBY_IPV4POOL_IPIP} {@code Always}, {@code TABBY_IPV4POOL_VXLAN} {@code Never},
 * {@code TABBY_IPV4POOL_NAT_OUTGOING} true, {@code TABBY_IPV4POOL_NODE_SELECTOR} {@code all()}; the
 * IPv6 pool ({@code TABBY_IPV6POOL_CIDR}, default {@code fd80:24e2:f998:72d6::/64}, block 122, no
 * NAT) only when its CIDR is set or the node has an IPv6 address. {@code NO_DEFAULT_POOLS=true}
 * skips both.
 */
public record PoolDefaults(IpPoolSpec ipv4, IpPoolSpec ipv6, boolean ipv6Requested, boolean disabled) {
    static final String DEFAULT_V4 = "192.168.0.0/16";
    static final String DEFAULT_V6 = "fd80:24e2:f998:72d6::/64";

    public PoolDefaults {
        requireNonNull(ipv4, "ipv4 is null");
        requireNonNull(ipv6, "ipv6 is null");
    }

    /** @throws IllegalArgumentException naming the variable that is wrong */
    public static PoolDefaults parse(Map<String, String> env) {
        String v4Cidr = value(env, "TABBY_IPV4POOL_CIDR").or(() -> value(env, "CALICO_IPV4POOL_CIDR"))
                .orElse(DEFAULT_V4);
        Optional<String> v6Given = value(env, "TABBY_IPV6POOL_CIDR").or(() -> value(env, "CALICO_IPV6POOL_CIDR"));
        IpPoolSpec v4 = new IpPoolSpec(v4Cidr, number(env, "TABBY_IPV4POOL_BLOCK_SIZE", 26, 32),
                mode(env, "TABBY_IPV4POOL_IPIP", IpPoolSpec.ALWAYS), mode(env, "TABBY_IPV4POOL_VXLAN", IpPoolSpec.NEVER),
                bool(env, "TABBY_IPV4POOL_NAT_OUTGOING", true), false,
                value(env, "TABBY_IPV4POOL_NODE_SELECTOR").orElse(IpPoolSpec.ALL_NODES), false);
        IpPoolSpec v6 = new IpPoolSpec(v6Given.orElse(DEFAULT_V6), number(env, "TABBY_IPV6POOL_BLOCK_SIZE", 122, 128),
                mode(env, "TABBY_IPV6POOL_IPIP", IpPoolSpec.NEVER), mode(env, "TABBY_IPV6POOL_VXLAN", IpPoolSpec.NEVER),
                bool(env, "TABBY_IPV6POOL_NAT_OUTGOING", false), false,
                value(env, "TABBY_IPV6POOL_NODE_SELECTOR").orElse(IpPoolSpec.ALL_NODES), false);
        if (!v4.ipipMode().equals(IpPoolSpec.NEVER) && !v4.vxlanMode().equals(IpPoolSpec.NEVER)) {
            throw new IllegalArgumentException("TABBY_IPV4POOL_IPIP=" + v4.ipipMode() + " and TABBY_IPV4POOL_VXLAN="
                    + v4.vxlanMode() + " both turn encapsulation on; set one of them to Never");
        }
        return new PoolDefaults(v4, v6, v6Given.isPresent(), bool(env, "NO_DEFAULT_POOLS", false));
    }

    private static String mode(Map<String, String> env, String name, String fallback) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "always" -> IpPoolSpec.ALWAYS;
            case "crosssubnet", "cross-subnet" -> IpPoolSpec.CROSS_SUBNET;
            case "never", "off" -> IpPoolSpec.NEVER;
            default -> throw new IllegalArgumentException(name + "=" + text.get()
                    + " is not a mode; use Always, CrossSubnet or Never");
        };
    }

    private static int number(Map<String, String> env, String name, int fallback, int max) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.get());
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text.get() + " is not a prefix length 1-" + max);
        }
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        return switch (text.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + "=" + text.get() + " is not true or false");
        };
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
