package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.format.IpNet;
import java.util.List;
import java.util.Optional;

/** IPPool rules: Calico's validator plus clientv3's block-size checks. */
final class IpPoolRules {
    static final List<String> MODES = List.of(IpPoolSpec.ALWAYS, IpPoolSpec.CROSS_SUBNET, IpPoolSpec.NEVER);
    private static final IpNet V4_LINK_LOCAL = IpNet.parseCidr("169.254.0.0/16").orElseThrow();
    private static final IpNet V6_LINK_LOCAL = IpNet.parseCidr("fe80::/10").orElseThrow();

    private IpPoolRules() {
    }

    static void check(IpPoolSpec spec, Violations violations) {
        checkMode("spec.ipipMode", spec.ipipMode(), violations);
        checkMode("spec.vxlanMode", spec.vxlanMode(), violations);
        if (enabled(spec.ipipMode()) && enabled(spec.vxlanMode())) {
            violations.add("spec.vxlanMode", "IPIP and VXLAN cannot both be enabled on one pool (ipipMode is "
                    + spec.ipipMode() + ", vxlanMode is " + spec.vxlanMode() + "; set one of them to Never)");
        }
        SelectorCheck.check("spec.nodeSelector", spec.nodeSelector(), violations);
        cidr(spec.cidr(), violations).ifPresent(pool -> checkWithCidr(spec, pool, violations));
    }

    private static Optional<IpNet> cidr(String cidr, Violations violations) {
        if (cidr.isEmpty()) {
            violations.add("spec.cidr", "missing (the pool's network, e.g. 192.168.0.0/16)");
            return Optional.empty();
        }
        Optional<IpNet> pool = IpNet.parseCidr(cidr);
        if (pool.isEmpty()) {
            violations.add("spec.cidr", SelectorCheck.quoted(cidr)
                    + " is not a valid CIDR (expected <address>/<prefix length>, e.g. 192.168.0.0/16)");
            return Optional.empty();
        }
        if (!pool.get().isNetwork()) {
            violations.add("spec.cidr", cidr + " has host bits set (use the network address: " + pool.get().network() + ")");
        }
        return pool;
    }

    private static void checkWithCidr(IpPoolSpec spec, IpNet pool, Violations violations) {
        int family = pool.family();
        int lowest = family == 4 ? 20 : 116;
        int highest = family == 4 ? 32 : 128;
        int block = spec.blockSize();
        if (block < lowest || block > highest) {
            violations.add("spec.blockSize", block + " is not a valid IPv" + family + " block size (allowed: "
                    + lowest + ".." + highest + ")");
        } else if (block < pool.prefixLength()) {
            // Calico skips this check for a disabled pool; the v1 pool record never holds such a block size
            violations.add("spec.blockSize", block + " is larger than the pool: a /" + block + " block does not fit in "
                    + pool.network() + " (allowed: " + pool.prefixLength() + ".." + highest + ")");
        }
        if (family == 6) {
            if (enabled(spec.ipipMode())) {
                violations.add("spec.ipipMode", "IPIP is not supported on an IPv6 pool (allowed: Never)");
            }
            if (enabled(spec.vxlanMode())) {
                violations.add("spec.vxlanMode", "VXLAN is not supported on an IPv6 pool (allowed: Never)");
            }
        }
        IpNet linkLocal = family == 4 ? V4_LINK_LOCAL : V6_LINK_LOCAL;
        if (pool.overlaps(linkLocal)) {
            violations.add("spec.cidr", pool.network() + " overlaps the IPv" + family + " link-local range " + linkLocal
                    + " (pools must not)");
        }
    }

    private static void checkMode(String field, String mode, Violations violations) {
        if (!MODES.contains(mode)) {
            violations.add(field, SelectorCheck.quoted(mode) + " is not a valid mode (allowed: Always, CrossSubnet, Never)");
        }
    }

    private static boolean enabled(String mode) {
        return mode.equals(IpPoolSpec.ALWAYS) || mode.equals(IpPoolSpec.CROSS_SUBNET);
    }
}
