package io.tabby.datastore.codec;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.IpamHandle;
import java.util.HashMap;
import java.util.Map;

/**
 * The block and handle encoders as they were before {@link BlockJson} and {@link HandleJson}
 * wrote text directly: field by field through Jackson's generator and {@link JsonOut}. Kept as
 * the reference the direct encoders must match byte for byte.
 */
final class JacksonReference {

    private final GoJson json = new GoJson();

    String block(AllocationBlock block) {
        return json.write(out -> write(block, out));
    }

    String handle(IpamHandle handle) {
        return json.write(out -> write(handle, out));
    }

    private static void write(IpamHandle handle, JsonOut out) {
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

    private static void write(AllocationBlock block, JsonOut out) {
        out.startObject();
        out.string("cidr", block.cidr().toString());
        out.stringOrNull("affinity", block.affinity());
        out.bool("strictAffinity", block.strictAffinity());
        out.name("allocations");
        out.startArray();
        for (Integer index : block.allocations()) {
            if (index == null) {
                out.nullValue();
            } else {
                out.value(index);
            }
        }
        out.endArray();
        out.name("unallocated");
        out.startArray();
        block.unallocated().forEach(out::value);
        out.endArray();
        out.name("attributes");
        if (block.attributes() == null) {
            out.nullValue();
        } else {
            out.startArray();
            block.attributes().forEach(attribute -> {
                out.startObject();
                out.stringOrNull("handle_id", attribute.handleId());
                out.stringMapOrNull("secondary", attribute.secondary());
                out.unknown(attribute.unknown());
                out.endObject();
            });
            out.endArray();
        }
        out.boolIfPresent("deleted", block.deleted());
        out.unknown(block.unknown());
        out.endObject();
    }
}
