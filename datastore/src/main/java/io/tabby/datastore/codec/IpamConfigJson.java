package io.tabby.datastore.codec;

import io.tabby.datastore.model.IpamConfig;

/**
 * {@code /calico/ipam/v2/config}: {@code strict_affinity}, {@code auto_allocate_blocks},
 * {@code maxBlocksPerHost}, each omitted when false or zero (Go {@code omitempty}).
 */
final class IpamConfigJson {

    private IpamConfigJson() {}

    static IpamConfig decode(JsonIn in) {
        Integer max = in.optInt("maxBlocksPerHost", 0, Integer.MAX_VALUE);
        return new IpamConfig(in.bool("strict_affinity"), in.bool("auto_allocate_blocks"), max == null ? 0 : max,
                in.unknown());
    }

    static void encode(IpamConfig config, JsonOut out) {
        out.startObject();
        out.boolIfTrue("strict_affinity", config.strictAffinity());
        out.boolIfTrue("auto_allocate_blocks", config.autoAllocateBlocks());
        if (config.maxBlocksPerHost() != 0) {
            out.number("maxBlocksPerHost", config.maxBlocksPerHost());
        }
        out.unknown(config.unknown());
        out.endObject();
    }
}
