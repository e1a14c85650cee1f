package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * IPPool to {@code /calico/v1/ipam/v4|v6/pool/<cidr>} and back. IPIP on means {@code "ipip":"tunl0"};
 * {@code ipip_mode} is written only for {@code cross-subnet}, since an unset mode with the tunnel
 * set means "always" to every reader (so the calicoctl v1 pool with IPIP enabled stores exactly
 * what Calico v1 stored). {@code vxlan_mode} is written when VXLAN is on. Defaults (block size
 * 26/122, selector {@code all()}, export on) are not written.
 */
final class IpPoolMapping {
    static final String TUNNEL = "tunl0";

    private IpPoolMapping() {
    }

    static Entry<IpPool> toEntry(IpPoolResource resource, StoredEntries current) {
        IpPoolSpec spec = resource.spec();
        Cidr cidr = Cidr.parse(spec.cidr());
        IpPoolKey key = new IpPoolKey(cidr);
        Optional<IpPool> stored = current.get(key);
        boolean ipip = !spec.ipipMode().equals(IpPoolSpec.NEVER);
        EncapMode ipipMode = spec.ipipMode().equals(IpPoolSpec.CROSS_SUBNET) ? EncapMode.CROSS_SUBNET : null;
        EncapMode vxlanMode = switch (spec.vxlanMode()) {
            case IpPoolSpec.ALWAYS -> EncapMode.ALWAYS;
            case IpPoolSpec.CROSS_SUBNET -> EncapMode.CROSS_SUBNET;
            default -> null;
        };
        Integer blockSize = spec.blockSize() == defaultBlockSize(cidr.family()) ? null : spec.blockSize();
        String nodeSelector = spec.nodeSelector().equals(IpPoolSpec.ALL_NODES) ? null : spec.nodeSelector();
        Boolean disableExport = spec.disableBGPExport() ? Boolean.TRUE : null;
        if (stored.isPresent()) {
            // keep the stored spelling of anything that means the same
            IpPool old = stored.get();
            if (old.effectiveIpipMode() == effective(ipip, ipipMode)) {
                ipipMode = old.ipipMode();
            }
            if (vxlan(old.vxlanMode()).equals(spec.vxlanMode())) {
                vxlanMode = old.vxlanMode();
            }
            if (Objects.equals(old.blockSize(), spec.blockSize())) {
                blockSize = old.blockSize();
            }
            if (selector(old.nodeSelector()).equals(spec.nodeSelector())) {
                nodeSelector = old.nodeSelector();
            }
            if (Boolean.TRUE.equals(old.disableBgpExport()) == spec.disableBGPExport()) {
                disableExport = old.disableBgpExport();
            }
        }
        UnknownFields unknown = stored.map(IpPool::unknown).orElse(UnknownFields.NONE);
        return Entry.of(key, new IpPool(cidr, ipip ? TUNNEL : "", ipipMode, vxlanMode, spec.natOutgoing(),
                !spec.disabled(), spec.disabled(), disableExport, blockSize, nodeSelector, resource.name(), unknown));
    }

    static IpPoolResource fromEntry(IpPool pool) {
        String ipipMode = switch (pool.effectiveIpipMode()) {
            case UNSET -> IpPoolSpec.NEVER;
            case ALWAYS -> IpPoolSpec.ALWAYS;
            case CROSS_SUBNET -> IpPoolSpec.CROSS_SUBNET;
        };
        int blockSize = pool.blockSize() != null ? pool.blockSize() : defaultBlockSize(pool.cidr().family());
        IpPoolSpec spec = new IpPoolSpec(pool.cidr().toString(), blockSize, ipipMode, vxlan(pool.vxlanMode()),
                pool.masquerade(), pool.disabled() || !pool.ipam(), selector(pool.nodeSelector()),
                Boolean.TRUE.equals(pool.disableBgpExport()));
        return new IpPoolResource(ResourceMetadata.named(pool.name()), spec);
    }

    static int defaultBlockSize(IpFamily family) {
        return family == IpFamily.V4 ? 26 : 122;
    }

    private static EncapMode effective(boolean ipip, EncapMode mode) {
        return !ipip ? EncapMode.UNSET : mode == null ? EncapMode.ALWAYS : mode;
    }

    private static String vxlan(EncapMode mode) {
        if (mode == null) {
            return IpPoolSpec.NEVER;
        }
        return switch (mode) {
            case UNSET -> IpPoolSpec.NEVER;
            case ALWAYS -> IpPoolSpec.ALWAYS;
            case CROSS_SUBNET -> IpPoolSpec.CROSS_SUBNET;
        };
    }

    private static String selector(String stored) {
        return stored == null || stored.isEmpty() ? IpPoolSpec.ALL_NODES : stored;
    }
}
