package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.SysctlOps;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The kernel side of a workload, Calico style: a veth pair whose host end ({@code cali...}, MAC
 * {@code ee:ee:ee:ee:ee:ee}, proxy ARP without delay) lives in the node's namespace and whose other
 * end sits in the pod with a /32 address, a link route to 169.254.1.1 and a default route via it.
 * The pod also gets a permanent neighbour for 169.254.1.1, so it never depends on proxy ARP finding
 * a route to 169.254.1.1 in the node (a node namespace without a default route answers no ARP).
 *
 * @param host the node's namespace as seen from the agent: {@link NetNs#root()} in production
 */
public record WorkloadPlumbing(LinkOps links, AddrOps addrs, RouteOps routes, NeighOps neighs,
                               SysctlOps sysctls, NetNs host) {
    public static final String HOST_MAC = "ee:ee:ee:ee:ee:ee";
    public static final String GATEWAY = "169.254.1.1";
    /**
     * The protocol of the host /32 routes to workloads: {@code boot}, which is what Calico's CNI
     * plugin leaves and what felix's route manager claims as its own (DeviceRouteProtocol 3).
     */
    public static final int WORKLOAD_ROUTE_PROTOCOL = RouteProtocols.BOOT;
    public static final int DEFAULT_MTU = 1500;
    private static final Logger LOG = LogManager.getLogger(WorkloadPlumbing.class);

    public WorkloadPlumbing {
        requireNonNull(links, "links is null");
        requireNonNull(addrs, "addrs is null");
        requireNonNull(routes, "routes is null");
        requireNonNull(neighs, "neighs is null");
        requireNonNull(sysctls, "sysctls is null");
        requireNonNull(host, "host is null");
    }

    /**
     * Creates and configures the veth pair for IPv4 {@code addresses}; a stale host veth of the
     * same name (an earlier ADD that died) is replaced.
     *
     * @return the MAC of the pod-side interface
     */
    public String plumb(String hostVeth, NetNs pod, String ifname, List<IpAddr> addresses, int mtu) {
        if (links.get(host, hostVeth).isPresent()) {
            LOG.info("replacing stale host veth {} in {}", hostVeth, host);
            links.delete(host, hostVeth);
        }
        links.createVeth(host, hostVeth, ifname, pod);
        links.setMac(host, hostVeth, HOST_MAC);
        links.setMtu(host, hostVeth, mtu);
        Map<String, String> sysctl = new LinkedHashMap<>();
        sysctl.put(SysctlOps.interfaceKey("net.ipv4.conf", hostVeth, "proxy_arp"), "1");
        sysctl.put(SysctlOps.interfaceKey("net.ipv4.neigh", hostVeth, "proxy_delay"), "0");
        sysctl.put(SysctlOps.interfaceKey("net.ipv4.conf", hostVeth, "forwarding"), "1");
        sysctls.write(host, sysctl);
        links.setUp(host, hostVeth);

        links.setMtu(pod, ifname, mtu);
        links.setUp(pod, ifname);
        addrs.add(pod, addresses.stream().map(ip -> new Address(ifname, IpPrefix.parse(ip + "/32"))).toList());
        routes.replace(pod, List.of(
                Route.toDevice(GATEWAY + "/32", ifname, WORKLOAD_ROUTE_PROTOCOL),
                Route.via("0.0.0.0/0", GATEWAY, ifname, WORKLOAD_ROUTE_PROTOCOL)));
        neighs.replacePermanent(pod, List.of(Neighbour.of(ifname, GATEWAY, HOST_MAC)));
        String podMac = links.get(pod, ifname).orElseThrow(() -> new IllegalStateException(
                "interface " + ifname + " vanished from " + pod + " while it was being set up")).mac();

        routes.replace(host, addresses.stream()
                .map(ip -> Route.toDevice(ip + "/32", hostVeth, WORKLOAD_ROUTE_PROTOCOL)).toList());
        return podMac;
    }

    /** Deletes the host veth (its pod end and the host routes go with it); absent is fine. */
    public boolean unplumb(String hostVeth) {
        if (links.get(host, hostVeth).isEmpty()) {
            return false;
        }
        try {
            links.delete(host, hostVeth);
        } catch (CommandFailedException e) {
            // The kernel removes a veth by itself when its pod namespace goes away; losing that race is fine.
            if (links.get(host, hostVeth).isPresent()) {
                throw e;
            }
        }
        return true;
    }

    /**
     * What differs from a plumbed workload with {@code addresses}: each problem as a sentence; empty
     * when the host veth, the pod interface, the pod's addresses and routes and the host routes are
     * all there. A pod namespace that is gone shows up as a missing pod interface.
     */
    public List<String> verify(String hostVeth, NetNs pod, String ifname, List<String> addresses) {
        List<String> problems = new ArrayList<>();
        Optional<Link> hostLink = links.get(host, hostVeth);
        if (hostLink.isEmpty()) {
            problems.add("host veth " + hostVeth + " is missing in " + host);
        } else if (!hostLink.get().up() || !hostLink.get().mac().equals(HOST_MAC)) {
            problems.add("host veth " + hostVeth + " is down or its MAC is not " + HOST_MAC);
        }
        Optional<Link> podLink;
        try {
            podLink = links.get(pod, ifname);
        } catch (CommandFailedException e) {
            podLink = Optional.empty();
        }
        if (podLink.isEmpty()) {
            problems.add("interface " + ifname + " is missing in " + pod);
            return problems;
        }
        List<IpPrefix> podAddresses = addrs.list(pod, IpFamily.V4).stream()
                .filter(a -> a.device().equals(ifname)).map(Address::prefix).toList();
        List<Route> podRoutes = routes.list(pod, RouteFilter.table(IpFamily.V4, RouteTables.MAIN));
        List<Route> hostRoutes = routes.list(host, RouteFilter.table(IpFamily.V4, RouteTables.MAIN));
        for (String address : addresses) {
            IpPrefix prefix = IpPrefix.parse(address);
            if (!podAddresses.contains(prefix)) {
                problems.add("address " + address + " is missing on " + ifname + " in " + pod);
            }
            IpPrefix hostRoute = IpPrefix.host(prefix.address());
            if (hostRoutes.stream().noneMatch(r -> r.destination().equals(hostRoute)
                    && r.device().equals(Optional.of(hostVeth)))) {
                problems.add("route " + hostRoute + " dev " + hostVeth + " is missing in " + host);
            }
        }
        IpPrefix anywhere = IpPrefix.parse("0.0.0.0/0");
        if (podRoutes.stream().noneMatch(r -> r.destination().equals(anywhere)
                && r.gateway().map(IpPrefix::format).equals(Optional.of(GATEWAY)))) {
            problems.add("default route via " + GATEWAY + " is missing in " + pod);
        }
        return problems;
    }

    /** True when the host veth exists. */
    public boolean hostVethExists(String hostVeth) {
        return links.get(host, hostVeth).isPresent();
    }
}
