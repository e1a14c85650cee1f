package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceClient;
import io.tabby.datastore.resource.ResourceExistsException;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Creates calico/node's default pools when the cluster has no pool of that family
 * ({@code default-ipv4-ippool}, {@code default-ipv6-ippool}). The create is conditional on the
 * pool key being absent, so nodes starting together create it once. An IPIP pool on a kernel
 * without an IPIP device is created as asked, with a warning that says what to use instead.
 */
public final class DefaultPools {
    private static final Logger LOG = LogManager.getLogger(DefaultPools.class);
    private final ResourceClient resources;
    private final IpipSupport ipip;

    public DefaultPools(ResourceClient resources, IpipSupport ipip) {
        this.resources = requireNonNull(resources, "resources is null");
        this.ipip = requireNonNull(ipip, "ipip is null");
    }

    /** Ensures the pools; {@code nodeHasIpv6} adds the IPv6 default even when no IPv6 CIDR was set. */
    public void ensure(PoolDefaults defaults, boolean nodeHasIpv6) {
        List<IpPoolSpec> existing = resources.list(ResourceKind.IP_POOL).items().stream()
                .map(r -> ((IpPoolResource) r).spec()).toList();
        if (defaults.disabled()) {
            LOG.info("NO_DEFAULT_POOLS is set: not creating default pools ({} pool(s) exist)", existing.size());
        } else {
            if (existing.stream().noneMatch(p -> !p.cidr().contains(":"))) {
                create("default-ipv4-ippool", defaults.ipv4());
            }
            if ((defaults.ipv6Requested() || nodeHasIpv6) && existing.stream().noneMatch(p -> p.cidr().contains(":"))) {
                create("default-ipv6-ippool", defaults.ipv6());
            }
        }
        warnIfIpipUnavailable();
    }

    private void create(String name, IpPoolSpec spec) {
        Resource pool = new IpPoolResource(ResourceMetadata.named(name), spec);
        try {
            resources.create(List.of(pool), false);
            LOG.info("created default pool {} {} (blockSize {}, ipipMode {}, vxlanMode {}, natOutgoing {}, "
                    + "nodeSelector {})", name, spec.cidr(), spec.blockSize(), spec.ipipMode(), spec.vxlanMode(),
                    spec.natOutgoing(), spec.nodeSelector());
        } catch (ResourceExistsException e) {
            LOG.info("default pool {} {} was created by another node meanwhile", name, spec.cidr());
        }
    }

    private void warnIfIpipUnavailable() {
        List<String> ipipPools = resources.list(ResourceKind.IP_POOL).items().stream()
                .map(r -> ((IpPoolResource) r).spec())
                .filter(p -> !p.disabled() && !p.ipipMode().equals(IpPoolSpec.NEVER))
                .map(IpPoolSpec::cidr).toList();
        if (!ipipPools.isEmpty() && !ipip.available()) {
            LOG.warn("pool(s) {} use IPIP but this kernel cannot create an ipip device (no ipip module): traffic "
                    + "between nodes in those pools will not flow. Use VXLAN (TABBY_IPV4POOL_IPIP=Never "
                    + "TABBY_IPV4POOL_VXLAN=Always, or 'tabbyctl apply' a pool with vxlanMode: Always) or routed mode "
                    + "(ipipMode: Never) instead", ipipPools);
        }
    }
}
