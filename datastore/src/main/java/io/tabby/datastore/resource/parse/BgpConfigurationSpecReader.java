package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.AsNumber;
import io.tabby.datastore.resource.BgpConfigurationSpec;
import io.tabby.datastore.resource.BgpConfigurationSpec.Community;
import io.tabby.datastore.resource.BgpConfigurationSpec.PrefixAdvertisement;
import java.util.List;
import java.util.Optional;

/** Reads a v3 BGPConfiguration {@code spec}. */
final class BgpConfigurationSpecReader {
    private BgpConfigurationSpecReader() {
    }

    static BgpConfigurationSpec read(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return BgpConfigurationSpec.empty();
        }
        FieldReader spec = found.get();
        String logSeverity = spec.text("logSeverityScreen");
        Optional<Boolean> mesh = spec.optionalFlag("nodeToNodeMeshEnabled");
        Optional<AsNumber> asNumber = spec.asNumber("asNumber");
        List<String> externalIps = cidrs(spec, "serviceExternalIPs");
        List<String> clusterIps = cidrs(spec, "serviceClusterIPs");
        int listenPort = spec.intValue("listenPort");
        List<Community> communities = spec.objects("communities").stream().map(c -> {
            Community community = new Community(c.text("name"), c.text("value"));
            c.rejectUnknown();
            return community;
        }).toList();
        List<PrefixAdvertisement> advertisements = spec.objects("prefixAdvertisements").stream().map(a -> {
            PrefixAdvertisement advertisement = new PrefixAdvertisement(a.text("cidr"), a.texts("communities"));
            a.rejectUnknown();
            return advertisement;
        }).toList();
        spec.rejectUnknown();
        return new BgpConfigurationSpec(logSeverity, mesh, asNumber, clusterIps, externalIps, listenPort, communities,
                advertisements);
    }

    /** A list of {@code {cidr: ...}} blocks. */
    private static List<String> cidrs(FieldReader spec, String name) {
        return spec.objects(name).stream().map(block -> {
            String cidr = block.text("cidr");
            block.rejectUnknown();
            return cidr;
        }).toList();
    }
}
