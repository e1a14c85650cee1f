package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.CniException;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.ipam.Ipam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the network config's {@code ipv4_pools} / {@code ipv6_pools} (pool names or CIDRs, as
 * Calico v3 takes them) into pool CIDRs for IPAM. A pool that does not exist is the config's fault:
 * code 7, naming the field and the pool.
 */
final class PoolResolver {
    private final Ipam ipam;

    PoolResolver(Ipam ipam) {
        this.ipam = requireNonNull(ipam, "ipam is null");
    }

    List<Cidr> resolve(IpFamily family, List<String> namesOrCidrs) throws CniException {
        String field = family == IpFamily.V4 ? "ipam.ipv4_pools" : "ipam.ipv6_pools";
        List<Cidr> pools = new ArrayList<>();
        for (String pool : namesOrCidrs) {
            Optional<Cidr> cidr = ipam.findPool(family, pool);
            if (cidr.isEmpty()) {
                throw CniException.invalidConfig(field + ": IP pool '" + pool + "' does not exist",
                        "create the " + family + " pool (tabbyctl create -f ippool.yaml), or name an existing pool"
                                + " by its name or CIDR (tabbyctl get ippools), or remove it from " + field);
            }
            if (!pools.contains(cidr.get())) {
                pools.add(cidr.get());
            }
        }
        return pools;
    }
}
