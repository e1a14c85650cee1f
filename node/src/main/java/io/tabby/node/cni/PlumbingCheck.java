package io.tabby.node.cni;

import io.tabby.datastore.model.IpAddr;
import io.tabby.platform.exec.CommandFailedException;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CHECK's look at one workload's kernel state, family by family, against what ADD plumbed. */
final class PlumbingCheck {
    private final WorkloadPlumbing plumbing;
    private final String hostVeth;
    private final NetNs pod;
    private final String ifname;

    PlumbingCheck(WorkloadPlumbing plumbing, String hostVeth, NetNs pod, String ifname) {
        this.plumbing = plumbing;
        this.hostVeth = hostVeth;
        this.pod = pod;
        this.ifname = ifname;
    }

    List<String> problems(List<IpAddr> addresses) {
        List<String> problems = new ArrayList<>();
        Optional<Link> hostLink = plumbing.links().get(plumbing.host(), hostVeth);
        if (hostLink.isEmpty()) {
            problems.add("host veth " + hostVeth + " is missing in " + plumbing.host());
        } else if (!hostLink.get().up() || !hostLink.get().mac().equals(WorkloadPlumbing.HOST_MAC)) {
            problems.add("host veth " + hostVeth + " is down or its MAC is not " + WorkloadPlumbing.HOST_MAC);
        }
        Optional<Link> podLink;
        try {
            podLink = plumbing.links().get(pod, ifname);
        } catch (CommandFailedException e) {
            podLink = Optional.empty();
        }
        if (podLink.isEmpty()) {
            problems.add("interface " + ifname + " is missing in " + pod);
            return problems;
        }
        for (IpFamily family : IpFamily.values()) {
            List<IpAddr> ofFamily = addresses.stream().filter(a -> sameFamily(a, family)).toList();
            if (!ofFamily.isEmpty()) {
                checkFamily(family, ofFamily, problems);
            }
        }
        return problems;
    }

    private void checkFamily(IpFamily family, List<IpAddr> addresses, List<String> problems) {
        List<IpPrefix> podAddresses = plumbing.addrs().list(pod, family).stream()
                .filter(a -> a.device().equals(ifname)).map(Address::prefix).toList();
        List<Route> podRoutes = plumbing.routes().list(pod, RouteFilter.table(family, RouteTables.MAIN));
        List<Route> hostRoutes = plumbing.routes().list(plumbing.host(), RouteFilter.table(family, RouteTables.MAIN));
        for (IpAddr address : addresses) {
            IpPrefix prefix = WorkloadPlumbing.prefixOf(address);
            if (!podAddresses.contains(prefix)) {
                problems.add("address " + prefix + " is missing on " + ifname + " in " + pod);
            }
            if (hostRoutes.stream().noneMatch(r -> r.destination().equals(prefix)
                    && r.device().equals(Optional.of(hostVeth)))) {
                problems.add("route " + prefix + " dev " + hostVeth + " is missing in " + plumbing.host());
            }
        }
        boolean v4 = family == IpFamily.V4;
        IpPrefix anywhere = IpPrefix.parse(v4 ? "0.0.0.0/0" : "::/0");
        IpPrefix gateway = IpPrefix.parse(v4 ? WorkloadPlumbing.GATEWAY : WorkloadPlumbing.GATEWAY_V6);
        if (podRoutes.stream().noneMatch(r -> r.destination().equals(anywhere)
                && r.gateway().map(IpPrefix::host).equals(Optional.of(gateway)))) {
            problems.add("default route via " + IpPrefix.format(gateway.address()) + " is missing in " + pod);
        }
    }

    private static boolean sameFamily(IpAddr address, IpFamily family) {
        return address.family().bits() == family.bits();
    }
}
