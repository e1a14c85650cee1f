package io.tabby.node.cni;

import io.tabby.cni.result.CniInterface;
import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.Dns;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.result.Route;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ADD result of a plumbed workload: the host veth and the pod interface, each address as a
 * host prefix on the pod interface, and a default route per family. As Calico prints it, no
 * gateway is given (the pod's routes point at link-local gateways the runtime need not know).
 */
final class CniResults {
    private CniResults() {}

    static CniResult of(String hostVeth, String ifname, String podMac, String netns, int mtu,
                        List<IpAddr> addresses) {
        List<CniInterface> interfaces = List.of(
                new CniInterface(hostVeth, Optional.of(WorkloadPlumbing.HOST_MAC), Optional.empty(), 0),
                new CniInterface(ifname, Optional.of(podMac), Optional.of(netns), mtu));
        List<IpConfig> ips = addresses.stream()
                .map(ip -> new IpConfig(Cidr.host(ip).toString(), Optional.empty(), OptionalInt.of(1))).toList();
        List<Route> routes = new ArrayList<>();
        if (addresses.stream().anyMatch(ip -> ip.family() == IpFamily.V4)) {
            routes.add(new Route("0.0.0.0/0", Optional.empty()));
        }
        if (addresses.stream().anyMatch(ip -> ip.family() == IpFamily.V6)) {
            routes.add(new Route("::/0", Optional.empty()));
        }
        return new CniResult(interfaces, ips, routes, Dns.EMPTY);
    }
}
