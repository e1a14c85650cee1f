package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.IpPoolSpec;
import java.util.Optional;

/** Reads a v3 IPPool {@code spec} (fields in v3 order). */
final class IpPoolSpecReader {
    private IpPoolSpecReader() {
    }

    static IpPoolSpec read(Optional<FieldReader> found) {
        if (found.isEmpty()) {
            return IpPoolSpec.of("", 0);
        }
        FieldReader spec = found.get();
        String cidr = spec.text("cidr");
        String vxlanMode = spec.text("vxlanMode");
        String ipipMode = spec.text("ipipMode");
        boolean natOutgoing = spec.flag("natOutgoing");
        boolean disabled = spec.flag("disabled");
        boolean disableBgpExport = spec.flag("disableBGPExport");
        int blockSize = spec.intValue("blockSize");
        String nodeSelector = spec.text("nodeSelector");
        spec.rejectUnknown();
        return new IpPoolSpec(cidr, blockSize, ipipMode, vxlanMode, natOutgoing, disabled, nodeSelector,
                disableBgpExport);
    }
}
