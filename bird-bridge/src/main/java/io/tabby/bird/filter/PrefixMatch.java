package io.tabby.bird.filter;

import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.config.PrefixPattern;
import java.net.InetAddress;
import java.util.List;

/** The prefix tests behind {@code ~}: containment in a prefix, membership in a prefix set. */
final class PrefixMatch {

    private PrefixMatch() {
    }

    /** Whether {@code inner} lies inside {@code outer} or equals it (same family only). */
    static boolean within(NetPrefix inner, NetPrefix outer) {
        if (inner.isIpv4() != outer.isIpv4() || inner.length() < outer.length()) {
            return false;
        }
        return samePrefixBits(inner.address(), outer.address(), outer.length());
    }

    /** Whether some pattern of the set matches: inside its prefix, with a length in its range. */
    static boolean inSet(NetPrefix prefix, List<PrefixPattern> patterns) {
        for (PrefixPattern pattern : patterns) {
            if (within(prefix, pattern.prefix())
                    && prefix.length() >= pattern.minLength() && prefix.length() <= pattern.maxLength()) {
                return true;
            }
        }
        return false;
    }

    /** An address as the host prefix covering it. */
    static NetPrefix host(InetAddress address) {
        return new NetPrefix(address, address.getAddress().length * 8);
    }

    private static boolean samePrefixBits(InetAddress a, InetAddress b, int bits) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (x[whole] & mask) == (y[whole] & mask);
    }
}
