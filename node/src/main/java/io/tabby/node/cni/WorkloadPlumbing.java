package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetBatchOps;
import io.tabby.platform.net.NetChange;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.SysctlOps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The kernel side of a workload, Calico style: a veth pair whose host end ({@code cali...}, MAC
 * {@code ee:ee:ee:ee:ee:ee}) lives in the node's namespace and whose other end sits in the pod
 * with /32 and /128 addresses. IPv4: proxy ARP without delay on the host end, a link route to
 * 169.254.1.1 in the pod and the default route via it. IPv6: the pod's default route goes via the
 * host end's link-local address, {@value #GATEWAY_V6} (what the kernel derives from Calico's fixed
 * MAC; Tabby adds it explicitly so another {@code addr_gen_mode} cannot move it), with
 * {@code proxy_ndp} and forwarding on the host end and duplicate address detection off on both
 * ends so the addresses work at once. For each family the pod also gets a permanent neighbour for
 * its gateway, so it never depends on the node answering ARP or neighbour solicitations.
 *
 * @param batch applies each namespace's changes in one go (one {@code ip -batch} process)
 * @param host the node's namespace as seen from the agent: {@link NetNs#root()} in production
 */
public record WorkloadPlumbing(LinkOps links, AddrOps addrs, RouteOps routes, NeighOps neighs,
                               SysctlOps sysctls, NetBatchOps batch, NetNs host) {
    public static final String HOST_MAC = "ee:ee:ee:ee:ee:ee";
    public static final String GATEWAY = "169.254.1.1";
    public static final String GATEWAY_V6 = "fe80::ecee:eeff:feee:eeee";
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
        requireNonNull(batch, "batch is null");
        requireNonNull(host, "host is null");
    }

    /**
     * Creates and configures the veth pair for {@code addresses} (either family or both); a stale
     * host veth of the same name (an earlier ADD that died) is replaced. The kernel work is one
     * {@code ip -batch} per namespace (two on the host for IPv6, whose duplicate address detection
     * must be off before the link comes up) plus the sysctls; the pod's MAC is chosen here, so
     * nothing has to be read back.
     *
     * @return the MAC of the pod-side interface
     */
    public String plumb(String hostVeth, NetNs pod, String ifname, List<IpAddr> addresses, int mtu) {
        WorkloadAddresses family = WorkloadAddresses.of(addresses);
        String podMac = PodMacs.random();
        List<NetChange> hostUp = new ArrayList<>();
        hostUp.add(new NetChange.SetUp(hostVeth));
        if (family.hasV6()) {
            hostUp.add(new NetChange.AddAddress(new Address(hostVeth, IpPrefix.parse(GATEWAY_V6 + "/64"))));
        }
        for (IpAddr ip : addresses) {
            hostUp.add(new NetChange.ReplaceRoute(
                    Route.toDevice(prefixOf(ip).toString(), hostVeth, WORKLOAD_ROUTE_PROTOCOL)));
        }
        List<NetChange> create = new ArrayList<>();
        create.add(new NetChange.AddVeth(hostVeth, ifname, pod, mtu, Optional.of(HOST_MAC), Optional.of(podMac)));
        if (!family.hasV6()) {
            // proxy_arp and forwarding may follow the link up: the pod has no address to ARP from yet
            create.addAll(hostUp);
        }
        createHostSide(hostVeth, create);
        sysctls.write(host, hostSysctls(hostVeth, family));
        if (family.hasV6()) {
            batch.apply(host, hostUp);
            Map<String, String> podSysctls = new LinkedHashMap<>();
            podSysctls.put(SysctlOps.interfaceKey("net.ipv6.conf", ifname, "disable_ipv6"), "0");
            podSysctls.put(SysctlOps.interfaceKey("net.ipv6.conf", ifname, "accept_dad"), "0");
            sysctls.write(pod, podSysctls);
        }
        batch.apply(pod, podSide(ifname, addresses, family));
        return podMac;
    }

    /** Creates the pair; when the host name is taken by a stale veth, deletes that and tries once more. */
    private void createHostSide(String hostVeth, List<NetChange> create) {
        try {
            batch.apply(host, create);
        } catch (CommandFailedException e) {
            if (links.get(host, hostVeth).isEmpty()) {
                throw e;
            }
            LOG.info("replacing stale host veth {} in {}", hostVeth, host);
            links.delete(host, hostVeth);
            batch.apply(host, create);
        }
    }

    private static List<NetChange> podSide(String ifname, List<IpAddr> addresses, WorkloadAddresses family) {
        List<NetChange> changes = new ArrayList<>();
        changes.add(new NetChange.SetUp(ifname));
        for (IpAddr ip : addresses) {
            changes.add(new NetChange.AddAddress(new Address(ifname, prefixOf(ip))));
        }
        if (family.hasV4()) {
            changes.add(new NetChange.ReplaceRoute(Route.toDevice(GATEWAY + "/32", ifname, WORKLOAD_ROUTE_PROTOCOL)));
            changes.add(new NetChange.ReplaceRoute(Route.via("0.0.0.0/0", GATEWAY, ifname, WORKLOAD_ROUTE_PROTOCOL)));
            changes.add(new NetChange.ReplaceNeighbour(Neighbour.of(ifname, GATEWAY, HOST_MAC)));
        }
        if (family.hasV6()) {
            changes.add(new NetChange.ReplaceRoute(Route.via("::/0", GATEWAY_V6, ifname, WORKLOAD_ROUTE_PROTOCOL)));
            changes.add(new NetChange.ReplaceNeighbour(Neighbour.of(ifname, GATEWAY_V6, HOST_MAC)));
        }
        return changes;
    }

    private static Map<String, String> hostSysctls(String hostVeth, WorkloadAddresses family) {
        Map<String, String> sysctl = new LinkedHashMap<>();
        if (family.hasV4()) {
            sysctl.put(SysctlOps.interfaceKey("net.ipv4.conf", hostVeth, "proxy_arp"), "1");
            sysctl.put(SysctlOps.interfaceKey("net.ipv4.neigh", hostVeth, "proxy_delay"), "0");
            sysctl.put(SysctlOps.interfaceKey("net.ipv4.conf", hostVeth, "forwarding"), "1");
        }
        if (family.hasV6()) {
            sysctl.put(SysctlOps.interfaceKey("net.ipv6.conf", hostVeth, "disable_ipv6"), "0");
            sysctl.put(SysctlOps.interfaceKey("net.ipv6.conf", hostVeth, "accept_dad"), "0");
            sysctl.put(SysctlOps.interfaceKey("net.ipv6.conf", hostVeth, "proxy_ndp"), "1");
            sysctl.put(SysctlOps.interfaceKey("net.ipv6.conf", hostVeth, "forwarding"), "1");
        }
        return sysctl;
    }

    /** The host prefix of {@code ip}: /32 or /128. */
    static IpPrefix prefixOf(IpAddr ip) {
        return IpPrefix.parse(Cidr.host(ip).toString());
    }

    /**
     * Deletes the host veth (its pod end and the host routes go with it); absent is fine. Deletes
     * first and looks only when that fails, so the common case is one {@code ip} process.
     *
     * @return whether this call deleted it
     */
    public boolean unplumb(String hostVeth) {
        try {
            links.delete(host, hostVeth);
            return true;
        } catch (CommandFailedException e) {
            // Absent already, or the kernel removed it with its pod namespace meanwhile: both fine.
            if (links.get(host, hostVeth).isPresent()) {
                throw e;
            }
            return false;
        }
    }

    /**
     * What differs from a plumbed workload with {@code addresses}: each problem as a sentence; empty
     * when the host veth, the pod interface, the pod's addresses and routes and the host routes are
     * all there. A pod namespace that is gone shows up as a missing pod interface.
     */
    public List<String> verify(String hostVeth, NetNs pod, String ifname, List<IpAddr> addresses) {
        return new PlumbingCheck(this, hostVeth, pod, ifname).problems(addresses);
    }

    /** True when the host veth exists. */
    public boolean hostVethExists(String hostVeth) {
        return links.get(host, hostVeth).isPresent();
    }

    /** Which families a set of workload addresses has. */
    record WorkloadAddresses(boolean hasV4, boolean hasV6) {
        static WorkloadAddresses of(List<IpAddr> addresses) {
            return new WorkloadAddresses(
                    addresses.stream().anyMatch(a -> a.family() == IpFamily.V4),
                    addresses.stream().anyMatch(a -> a.family() == IpFamily.V6));
        }
    }
}
