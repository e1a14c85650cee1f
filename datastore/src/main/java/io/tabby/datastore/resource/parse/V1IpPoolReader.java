package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.IpPoolSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.format.DefaultNames;
import io.tabby.datastore.resource.format.IpNet;
import java.util.Optional;

/**
 * Converts a calicoctl v1 {@code ipPool} ({@code metadata.cidr}, {@code spec.ipip.enabled|mode},
 * {@code spec.nat-outgoing}, {@code spec.disabled}) to an IPPool named after its CIDR.
 * IPIP enabled without a mode means {@code always}, as in v1.
 */
final class V1IpPoolReader {
    private V1IpPoolReader() {
    }

    static IpPoolResource read(FieldReader document, ResourceProblems problems) {
        String cidr = document.object("metadata").map(metadata -> {
            String value = metadata.text("cidr");
            metadata.rejectUnknown();
            return value;
        }).orElse("");
        Optional<IpNet> parsed = IpNet.parseCidr(cidr);
        if (cidr.isEmpty()) {
            problems.add("metadata.cidr", "missing (the pool's network, e.g. 192.168.0.0/16)");
        } else if (parsed.isEmpty()) {
            problems.add("metadata.cidr", "\"" + cidr + "\" is not a valid CIDR (expected <address>/<prefix length>, e.g. 192.168.0.0/16)");
        }
        String name = parsed.map(DefaultNames::pool).orElse("");
        problems.describe("IPPool \"" + name + "\"");
        problems.translate("spec.cidr", "metadata.cidr");
        problems.translate("spec.natOutgoing", "spec.nat-outgoing");
        problems.translate("spec.ipipMode", "spec.ipip.mode");

        String ipipMode = IpPoolSpec.NEVER;
        boolean natOutgoing = false;
        boolean disabled = false;
        Optional<FieldReader> found = document.object("spec");
        if (found.isPresent()) {
            FieldReader spec = found.get();
            ipipMode = spec.object("ipip").map(V1IpPoolReader::ipipMode).orElse(IpPoolSpec.NEVER);
            natOutgoing = spec.flag("nat-outgoing");
            disabled = spec.flag("disabled");
            spec.rejectUnknown();
        }
        document.rejectUnknown();
        IpPoolSpec spec = new IpPoolSpec(cidr, 0, ipipMode, IpPoolSpec.NEVER, natOutgoing, disabled, "", false);
        return new IpPoolResource(ResourceMetadata.named(name), spec);
    }

    private static String ipipMode(FieldReader ipip) {
        boolean enabled = ipip.flag("enabled");
        String mode = ipip.text("mode");
        ipip.rejectUnknown();
        String v3Mode = switch (mode) {
            case "", "always" -> IpPoolSpec.ALWAYS;
            case "cross-subnet" -> IpPoolSpec.CROSS_SUBNET;
            default -> {
                ipip.violations().add(ipip.path("mode"), "\"" + mode + "\" is not a valid IPIP mode (allowed: always, cross-subnet)");
                yield IpPoolSpec.ALWAYS;
            }
        };
        return enabled ? v3Mode : IpPoolSpec.NEVER;
    }
}
