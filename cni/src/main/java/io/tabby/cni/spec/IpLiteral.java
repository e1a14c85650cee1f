package io.tabby.cni.spec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Checks of IP address and CIDR text without any name lookup ({@link InetAddress#ofLiteral}).
 * Returns the IP version (4 or 6) of valid text, empty otherwise.
 */
public final class IpLiteral {
    private IpLiteral() {
    }

    /** 4 or 6 for a literal address such as {@code 10.0.0.1} or {@code fd00::1}. */
    public static Optional<Integer> addressVersion(String text) {
        if (text.isEmpty() || text.indexOf('/') >= 0 || text.indexOf('%') >= 0) {
            return Optional.empty();
        }
        try {
            InetAddress address = InetAddress.ofLiteral(text);
            // An IPv4-mapped IPv6 literal comes back as Inet4Address; judge by the text instead.
            if (text.indexOf(':') >= 0) {
                return Optional.of(6);
            }
            return Optional.of(address instanceof Inet4Address ? 4 : address instanceof Inet6Address ? 6 : 0)
                    .filter(v -> v != 0);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 4 or 6 for CIDR text ({@code address/prefix}) with an in-range prefix length. */
    public static Optional<Integer> cidrVersion(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return Optional.empty();
        }
        String prefix = text.substring(slash + 1);
        if (prefix.length() > 3 || !prefix.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || (prefix.length() > 1 && prefix.charAt(0) == '0')) {
            return Optional.empty();
        }
        int length = Integer.parseInt(prefix);
        return addressVersion(text.substring(0, slash)).filter(v -> length <= (v == 4 ? 32 : 128));
    }
}
