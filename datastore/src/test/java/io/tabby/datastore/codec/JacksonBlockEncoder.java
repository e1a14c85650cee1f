package io.tabby.datastore.codec;

import io.tabby.datastore.model.AllocationBlock;

/**
 * The block encoder as it was before {@link BlockJson#encode(AllocationBlock)} wrote text
 * directly: field by field through Jackson's generator and {@link JsonOut}. Kept as the
 * reference the fast encoder must match byte for byte.
 */
final class JacksonBlockEncoder {

    private final GoJson json = new GoJson();

    String encode(AllocationBlock block) {
        return json.write(out -> write(block, out));
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
