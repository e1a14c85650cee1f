package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /calico/ipam/v2/handle/<id>}: {@code {"block":{"192.168.1.0/26":2}}}, block CIDRs
 * sorted as Go sorts map keys, {@code "deleted"} when present.
 */
final class HandleJson {

    private HandleJson() {}

    static IpamHandle decode(JsonIn in) {
        Decoding decoding = in.decoding();
        Map<Cidr, Integer> block = new HashMap<>();
        JsonNode value = in.get("block");
        if (value != null) {
            if (!value.isObject()) {
                throw decoding.wrongType(in.where("block"), value, "an object of block CIDR to count");
            }
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                String where = in.where("block") + "." + entry.getKey();
                Cidr cidr = in.cidrValue(TextNode.valueOf(entry.getKey()), where, null);
                block.put(cidr, in.intValue(entry.getValue(), where, 0, Integer.MAX_VALUE));
            }
        }
        return new IpamHandle(block, in.optBool("deleted"), in.unknown());
    }

    static void encode(IpamHandle handle, JsonOut out) {
        Map<String, Integer> byText = new HashMap<>();
        handle.block().forEach((cidr, count) -> byText.put(cidr.toString(), count));
        out.startObject();
        out.name("block");
        out.startObject();
        for (String cidr : JsonOut.sortedKeys(byText)) {
            out.number(cidr, byText.get(cidr));
        }
        out.endObject();
        out.boolIfPresent("deleted", handle.deleted());
        out.unknown(handle.unknown());
        out.endObject();
    }
}
