package io.tabby.felix.it;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandResult;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxNeighOps;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteProtocols;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Namespaces for felix's real-kernel tests: a node namespace and pods plumbed into it as the CNI
 * plugin does (veth {@code cali...} with MAC ee:ee:ee:ee:ee:ee in the node, {@code eth0} with a /32
 * in the pod, a link route to 169.254.1.1, a default route via it and a permanent neighbour for it,
 * so the pod never depends on proxy ARP finding a route to 169.254.1.1 in a node without a default
 * route). The node's /32 routes and interface sysctls are left to felix. Every namespace is named
 * {@code <prefix>-<role>-<random>} ({@code felx} unless a test class gives its own) and deleted by
 * {@link #deleteAll()}.
 */
final class PodNetwork {
    static final String HOST_MAC = "ee:ee:ee:ee:ee:ee";
    /** The link-local address the host veth gets from {@link #HOST_MAC}: the pods' IPv6 gateway. */
    static final String GATEWAY_V6 = "fe80::ecee:eeff:feee:eeee";
    private final CommandRunner runner;
    private final String prefix;
    private final LinkOps links;
    private final List<String> created = new ArrayList<>();

    PodNetwork(CommandRunner runner) {
        this(runner, "felx");
    }

    /** Namespaces named {@code <prefix>-<role>-<random>}, one prefix per test class. */
    PodNetwork(CommandRunner runner, String prefix) {
        this.runner = runner;
        this.prefix = prefix;
        this.links = new LinuxLinkOps(runner);
    }

    synchronized NetNs.Named newNamespace(String role) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        String name = prefix + "-" + role + "-" + HexFormat.of().formatHex(random);
        run("ip", "netns", "add", name);
        created.add(name);
        return new NetNs.Named(name);
    }

    /** A node namespace with forwarding on. */
    NetNs.Named newNode() {
        NetNs.Named node = newNamespace("node");
        new LinuxSysctlOps(runner).write(node, Map.of("net.ipv4.ip_forward", "1"));
        links.setUp(node, "lo");
        return node;
    }

    /** A pod namespace attached to {@code node} through {@code hostVeth}, with address {@code ip}. */
    NetNs.Named plumbPod(NetNs.Named node, String role, String hostVeth, String ip) {
        NetNs.Named pod = newNamespace(role);
        links.createVeth(node, hostVeth, "eth0", pod);
        links.setMac(node, hostVeth, HOST_MAC);
        links.setUp(node, hostVeth);
        links.setUp(pod, "eth0");
        links.setUp(pod, "lo");
        new LinuxAddrOps(runner).add(pod, List.of(new Address("eth0", IpPrefix.parse(ip + "/32"))));
        new LinuxRouteOps(runner).replace(pod, List.of(
                Route.toDevice("169.254.1.1/32", "eth0", RouteProtocols.BOOT),
                Route.via("0.0.0.0/0", "169.254.1.1", "eth0", RouteProtocols.BOOT)));
        new LinuxNeighOps(runner).replacePermanent(pod, List.of(Neighbour.of("eth0", "169.254.1.1", HOST_MAC)));
        return pod;
    }

    /**
     * Gives a plumbed pod an IPv6 address as the CNI plugin does: IPv6 on and duplicate address
     * detection off on both ends (so the host veth's link-local fe80::ecee:eeff:feee:eeee, made from
     * its MAC, is usable at once), the /128 on {@code eth0}, a default route via that link-local and
     * a permanent neighbour for it. The node's /128 route and proxy_ndp are left to felix.
     */
    void addIpv6(NetNs.Named node, NetNs.Named pod, String hostVeth, String ip6) {
        LinuxSysctlOps sysctls = new LinuxSysctlOps(runner);
        sysctls.write(node, Map.of("net.ipv6.conf." + hostVeth + ".disable_ipv6", "0",
                "net.ipv6.conf." + hostVeth + ".accept_dad", "0"));
        sysctls.write(pod, Map.of("net.ipv6.conf.eth0.disable_ipv6", "0", "net.ipv6.conf.eth0.accept_dad", "0"));
        new LinuxAddrOps(runner).add(pod, List.of(new Address("eth0", IpPrefix.parse(ip6 + "/128"))));
        new LinuxRouteOps(runner).replace(pod, List.of(Route.via("::/0", GATEWAY_V6, "eth0", RouteProtocols.BOOT)));
        new LinuxNeighOps(runner).replacePermanent(pod, List.of(Neighbour.of("eth0", GATEWAY_V6, HOST_MAC)));
    }

    /** The MAC of the pod's {@code eth0}, which the CNI plugin writes into the endpoint. */
    String podMac(NetNs.Named pod) {
        return links.get(pod, "eth0").orElseThrow().mac();
    }

    /** True when one ping from {@code pod} to {@code ip} gets an answer within a second. */
    boolean ping(NetNs.Named pod, String ip) {
        CommandResult result = tryRun(List.of("ip", "netns", "exec", pod.name(), "ping", "-c1", "-W1", "-q", ip));
        return result != null && result.exitCode() == 0;
    }

    CommandResult run(String... argv) {
        return runner.runChecked(Command.of(List.of(argv)));
    }

    private CommandResult tryRun(List<String> argv) {
        try {
            return runner.run(Command.of(argv));
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** Deletes every namespace made here; keeps going past failures. */
    synchronized void deleteAll() {
        for (String name : created) {
            tryRun(List.of("ip", "netns", "del", name));
        }
        created.clear();
    }
}
