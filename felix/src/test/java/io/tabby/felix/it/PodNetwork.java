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
