package io.tabby.node.startup;

import io.tabby.platform.net.IpFamily;

/** How log lines and errors name an address family. */
final class Families {
    private Families() {
    }

    static String label(IpFamily family) {
        return switch (family) {
            case V4 -> "IPv4";
            case V6 -> "IPv6";
        };
    }
}
