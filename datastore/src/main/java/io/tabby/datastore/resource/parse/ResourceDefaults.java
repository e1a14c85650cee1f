package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.format.IpNet;
import java.util.Optional;

/**
 * Fills in the defaults Calico's client fills in on create, so that what is written, read back
 * and printed is the complete resource: an IPPool gets block size 26 (IPv4) or 122 (IPv6), modes
 * {@code Never} and node selector {@code all()}. Other kinds keep unset fields unset (their
 * defaults apply when the node agents read them).
 */
public final class ResourceDefaults {
    private ResourceDefaults() {
    }

    public static Resource apply(Resource resource) {
        return resource instanceof IpPoolResource pool ? new IpPoolResource(pool.metadata(), apply(pool.spec())) : resource;
    }

    static IpPoolSpec apply(IpPoolSpec spec) {
        Optional<IpNet> cidr = IpNet.parseCidr(spec.cidr());
        int blockSize = spec.blockSize();
        if (blockSize == 0 && cidr.isPresent()) {
            blockSize = cidr.get().family() == 4 ? 26 : 122;
        }
        return new IpPoolSpec(spec.cidr(), blockSize, orDefault(spec.ipipMode(), IpPoolSpec.NEVER),
                orDefault(spec.vxlanMode(), IpPoolSpec.NEVER), spec.natOutgoing(), spec.disabled(),
                orDefault(spec.nodeSelector(), IpPoolSpec.ALL_NODES), spec.disableBGPExport());
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
