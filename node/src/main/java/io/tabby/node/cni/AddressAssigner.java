package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.CniArgs;
import io.tabby.cni.spec.CniException;
import io.tabby.cni.spec.IpamConfig;
import io.tabby.cni.spec.PodRef;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.Ipam;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Assigns an attachment's addresses as Calico's IPAM plugin does: one IPv4 unless
 * {@code assign_ipv4} is false, one IPv6 when {@code assign_ipv6} is true, from the configured
 * pools, to the handle {@code <network>.<containerID>}, with the {@code namespace}, {@code pod},
 * {@code node}, {@code containerID} and {@code timestamp} attributes; or exactly the addresses
 * {@code IP=} in {@code CNI_ARGS} names.
 */
final class AddressAssigner {
    /** Calico IPAM's argument for a chosen address. */
    static final String IP_ARG = "IP";

    private final Ipam ipam;
    private final PoolResolver pools;
    private final String node;
    private final Clock clock;

    AddressAssigner(Ipam ipam, String node, Clock clock) {
        this.ipam = requireNonNull(ipam, "ipam is null");
        this.pools = new PoolResolver(ipam);
        this.node = requireNonNull(node, "node is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The addresses assigned, IPv4 first; all or nothing (a caller that fails later releases the
     * handle). {@code IP=<addr>[,<addr>]} in {@code CNI_ARGS} asks for exactly those addresses, as
     * Calico's IPAM plugin takes it.
     */
    List<IpAddr> assign(WorkloadIdentity id, IpamConfig config, CniArgs args) throws CniException {
        if (args.get(IP_ARG).isPresent()) {
            return assignChosen(id, args.get(IP_ARG).get());
        }
        List<Cidr> v4Pools = config.assignIpv4() ? pools.resolve(IpFamily.V4, config.ipv4Pools()) : List.of();
        List<Cidr> v6Pools = config.assignIpv6() ? pools.resolve(IpFamily.V6, config.ipv6Pools()) : List.of();
        AssignResult result = ipam.autoAssign(new AssignRequest(config.assignIpv4() ? 1 : 0,
                config.assignIpv6() ? 1 : 0, id.handle(), attributes(id), node, v4Pools, v6Pools));
        if (result.ipv4().size() + result.ipv6().size() == 0) {
            throw new CniException(CniFailures.NO_ADDRESS, "no address was assigned for " + id.handle(),
                    "check that an enabled IP pool matches this node");
        }
        List<IpAddr> addresses = new ArrayList<>(result.ipv4());
        addresses.addAll(result.ipv6());
        return addresses;
    }

    private List<IpAddr> assignChosen(WorkloadIdentity id, String text) throws CniException {
        List<IpAddr> chosen = new ArrayList<>();
        for (String literal : text.split(",")) {
            try {
                chosen.add(IpAddr.parse(literal.strip()));
            } catch (IllegalArgumentException e) {
                throw CniException.invalidEnv("CNI_ARGS: IP '" + literal.strip() + "' is not an IP address",
                        "give IP=<address>[,<address>], e.g. IP=10.65.0.10");
            }
        }
        chosen.sort(Comparator.comparing(IpAddr::family));
        Map<String, String> attributes = attributes(id);
        try {
            for (IpAddr address : chosen) {
                ipam.assignIp(address, id.handle(), attributes, node);
            }
        } catch (RuntimeException e) {
            try {
                ipam.releaseByHandle(id.handle());
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return chosen;
    }

    private Map<String, String> attributes(WorkloadIdentity id) {
        return AllocationAttributes.workload(id.namespace(), id.pod().map(PodRef::name).orElse(id.containerId()),
                node, id.containerId(), clock.instant());
    }
}
