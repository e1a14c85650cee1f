package io.tabby.platform.net;

/**
 * Route protocol numbers ({@code rtm_protocol}, iproute2's {@code proto}). The kernel stores the
 * number with each route and never interprets it, so it is the ownership mark: a restarted process
 * lists routes by its own number and replaces or sweeps exactly those. Values as in iproute2's
 * {@code /etc/iproute2/rt_protos}.
 */
public final class RouteProtocols {

    /** {@code unspec}. */
    public static final int UNSPEC = 0;
    /** {@code redirect}: installed by an ICMP redirect. */
    public static final int REDIRECT = 1;
    /** {@code kernel}: made by the kernel itself (connected routes). */
    public static final int KERNEL = 2;
    /** {@code boot}: the default for {@code ip route add}; Felix's device routes to workloads. */
    public static final int BOOT = 3;
    /** {@code static}: an administrator's route. */
    public static final int STATIC = 4;
    /** {@code bird}: routes exported by BIRD's kernel protocol (and so by Tabby's bird-bridge). */
    public static final int BIRD = 12;
    /** Calico Felix's own routes (VXLAN and same-subnet routes; Felix's default 80). */
    public static final int FELIX = 80;

    private RouteProtocols() {
    }

    /** Throws unless {@code protocol} fits the kernel's one-byte field. */
    public static int check(int protocol) {
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("route protocol " + protocol + " is out of range 0..255");
        }
        return protocol;
    }
}
