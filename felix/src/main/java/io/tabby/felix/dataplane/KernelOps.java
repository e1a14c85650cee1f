package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.firewall.IpsetOps;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.firewall.LinuxIpsetOps;
import io.tabby.platform.firewall.LinuxIptablesOps;
import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxNeighOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.SysctlOps;
import io.tabby.platform.testing.FakeKernel;

/**
 * The kernel felix programs: one namespace and the platform operations on it.
 *
 * @param ns the namespace holding the workload interfaces ({@link NetNs#root()} on a real node)
 */
public record KernelOps(NetNs ns, LinkOps links, AddrOps addrs, RouteOps routes, NeighOps neighs, SysctlOps sysctls,
        IptablesOps iptables, IpsetOps ipsets) {
    public KernelOps {
        requireNonNull(ns, "ns is null");
        requireNonNull(links, "links is null");
        requireNonNull(addrs, "addrs is null");
        requireNonNull(routes, "routes is null");
        requireNonNull(neighs, "neighs is null");
        requireNonNull(sysctls, "sysctls is null");
        requireNonNull(iptables, "iptables is null");
        requireNonNull(ipsets, "ipsets is null");
    }

    /** The real kernel through iproute2, iptables-restore and ipset. */
    public static KernelOps linux(CommandRunner runner, NetNs ns, IptablesBackend backend) {
        return new KernelOps(ns, new LinuxLinkOps(runner), new LinuxAddrOps(runner), new LinuxRouteOps(runner),
                new LinuxNeighOps(runner), new LinuxSysctlOps(runner),
                new LinuxIptablesOps(runner, backend), new LinuxIpsetOps(runner));
    }

    /** An in-memory kernel, for tests. */
    public static KernelOps fake(FakeKernel kernel, NetNs ns, IptablesBackend backend) {
        return new KernelOps(ns, kernel.linkOps(), kernel.addrOps(), kernel.routeOps(), kernel.neighOps(),
                kernel.sysctlOps(),
                kernel.iptablesOps(backend), kernel.ipsetOps());
    }
}
