package io.tabby.datastore.codec;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Quote;

/**
 * {@code /calico/v1/ipam/v4|v6/pool/<cidr>}: {@code {"cidr":"192.168.0.0/16","ipip":"tunl0",
 * "ipip_mode":"always","masquerade":true,"ipam":true,"disabled":false}}, with the newer fields
 * only when present.
 */
final class PoolJson {

    private PoolJson() {}

    static IpPool decode(JsonIn in, Cidr keyCidr) {
        Cidr cidr = in.cidr("cidr");
        if (!cidr.equals(keyCidr)) {
            throw in.decoding().error(in.where("cidr"), "is " + cidr + " but the key is for pool " + keyCidr);
        }
        String ipip = in.string("ipip");
        EncapMode ipipMode = mode(in, "ipip_mode");
        EncapMode vxlanMode = mode(in, "vxlan_mode");
        boolean masquerade = in.bool("masquerade");
        boolean ipam = in.bool("ipam");
        boolean disabled = in.bool("disabled");
        Boolean disableBgpExport = in.optBool("disableBGPExport");
        Integer blockSize = in.optInt("block_size", cidr.prefixLength(), cidr.family().bits());
        String nodeSelector = in.optString("node_selector");
        String name = in.optString("name");
        if (name != null && name.isEmpty()) {
            throw in.decoding().error(in.where("name"), "is empty; leave it out to use the derived name");
        }
        return new IpPool(cidr, ipip, ipipMode, vxlanMode, masquerade, ipam, disabled, disableBgpExport, blockSize,
                nodeSelector, name, in.unknown());
    }

    static void encode(IpPool pool, JsonOut out) {
        out.startObject();
        out.string("cidr", pool.cidr().toString());
        out.string("ipip", pool.ipipInterface());
        if (pool.ipipMode() != null) {
            out.string("ipip_mode", pool.ipipMode().json());
        }
        if (pool.vxlanMode() != null) {
            out.string("vxlan_mode", pool.vxlanMode().json());
        }
        out.bool("masquerade", pool.masquerade());
        out.bool("ipam", pool.ipam());
        out.bool("disabled", pool.disabled());
        out.boolIfPresent("disableBGPExport", pool.disableBgpExport());
        out.numberIfPresent("block_size", pool.blockSize());
        out.stringIfPresent("node_selector", pool.nodeSelector());
        if (!pool.hasDerivedName()) {
            out.string("name", pool.name());
        }
        out.unknown(pool.unknown());
        out.endObject();
    }

    private static EncapMode mode(JsonIn in, String field) {
        String text = in.optString(field);
        if (text == null) {
            return null;
        }
        EncapMode mode = EncapMode.fromJson(text);
        if (mode == null) {
            throw in.decoding().error(in.where(field),
                    "unknown mode " + Quote.of(text) + ", expected \"always\", \"cross-subnet\" or \"\"");
        }
        return mode;
    }
}
