package io.tabby.bird.config;

/**
 * Which BIRD 1.6 daemon a configuration is for: {@code bird} routes IPv4 only and {@code bird6}
 * IPv6 only, and each refuses addresses and prefixes of the other family (the router id and the
 * route reflector cluster id stay IPv4 in both).
 */
public enum RouterFamily {
    IPV4("IPv4", "IPv6"),
    IPV6("IPv6", "IPv4");

    private final String own;
    private final String other;

    RouterFamily(String own, String other) {
        this.own = own;
        this.other = other;
    }

    boolean accepts(java.net.InetAddress address) {
        return (address instanceof java.net.Inet4Address) == (this == IPV4);
    }

    /** BIRD's own wording, so that users recognise it. */
    String refusal() {
        return "this is an " + own + " router, therefore " + other + " addresses are not supported";
    }
}
