package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpamHandle;
import java.util.Arrays;
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

    /**
     * The handle's JSON, written directly (IPAM writes a handle with every assignment); the
     * same text {@link JsonOut} would write, which a test checks on random handles.
     */
    static String encode(IpamHandle handle) {
        String[] cidrs = new String[handle.block().size()];
        Map<String, Integer> byText = new HashMap<>();
        int i = 0;
        for (Map.Entry<Cidr, Integer> entry : handle.block().entrySet()) {
            String text = entry.getKey().toString();
            cidrs[i++] = text;
            byText.put(text, entry.getValue());
        }
        Arrays.sort(cidrs, GoJsonText::compareCodePoints);
        GoJsonText out = new GoJsonText(32 + 28 * cidrs.length);
        out.raw("{\"block\":{");
        for (int c = 0; c < cidrs.length; c++) {
            if (c > 0) {
                out.raw(',');
            }
            out.quote(cidrs[c]).raw(':').number(byText.get(cidrs[c]));
        }
        out.raw('}');
        if (handle.deleted() != null) {
            out.raw(",\"deleted\":").bool(handle.deleted());
        }
        return out.unknownFields(handle.unknown()).raw('}').toString();
    }
}
