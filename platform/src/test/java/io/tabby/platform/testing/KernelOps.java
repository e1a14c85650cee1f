package io.tabby.platform.testing;

import io.tabby.platform.firewall.IpsetOps;
import io.tabby.platform.firewall.IptablesOps;
import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NeighOps;
import io.tabby.platform.net.NetBatchOps;
import io.tabby.platform.net.RouteOps;
import io.tabby.platform.net.SysctlOps;

/** The set of ops a contract test drives, from one backend (fake or Linux). */
record KernelOps(LinkOps links, AddrOps addrs, RouteOps routes, NeighOps neighs, SysctlOps sysctls,
                 IptablesOps iptablesNft, IptablesOps iptablesLegacy, IpsetOps ipsets, NetBatchOps batch) {
}
