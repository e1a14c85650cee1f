package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /calico/ipam/v2/assignment/ipv4|ipv6/block/<cidr>}: {@code {"cidr":...,
 * "affinity":"host:n1","strictAffinity":false,"allocations":[0,null,...],"unallocated":[1,...],
 * "attributes":[{"handle_id":...,"secondary":{...}}]}} plus {@code "deleted"} when present.
 */
final class BlockJson {

    private BlockJson() {}

    static AllocationBlock decode(JsonIn in, Cidr keyCidr) {
        Decoding decoding = in.decoding();
        Cidr cidr = in.cidr("cidr");
        if (!cidr.equals(keyCidr)) {
            throw decoding.error(in.where("cidr"), "is " + cidr + " but the key is for block " + keyCidr);
        }
        String affinity = in.optString("affinity");
        String legacyHost = in.optString("hostAffinity");
        if (affinity == null && legacyHost != null) {
            // Python-era blocks name the node bare; Calico's readers convert, and so do we.
            affinity = AllocationBlock.HOST_AFFINITY_PREFIX + legacyHost;
        }
        boolean strictAffinity = in.bool("strictAffinity");
        List<AllocationAttribute> attributes =
                in.optList("attributes", (element, where) -> attribute(element, where, decoding));
        int attributeCount = attributes == null ? 0 : attributes.size();
        List<Integer> allocations = allocations(in, cidr, attributeCount);
        List<Integer> unallocated = in.list("unallocated",
                (element, where) -> in.intValue(element, where, 0, allocations.size() - 1));
        Boolean deleted = in.optBool("deleted");
        return new AllocationBlock(cidr, affinity, strictAffinity, allocations, unallocated, attributes, deleted,
                in.unknown());
    }

    static void encode(AllocationBlock block, JsonOut out) {
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

    private static List<Integer> allocations(JsonIn in, Cidr cidr, int attributeCount) {
        Decoding decoding = in.decoding();
        JsonNode value = in.get("allocations");
        if (value == null) {
            throw decoding.error(in.where("allocations"), "is missing");
        }
        if (!value.isArray()) {
            throw decoding.wrongType(in.where("allocations"), value, "an array");
        }
        BigInteger size = cidr.size();
        if (BigInteger.valueOf(value.size()).compareTo(size) != 0) {
            throw decoding.error(in.where("allocations"),
                    "has " + value.size() + " slots, but a /" + cidr.prefixLength() + " block has " + size);
        }
        List<Integer> slots = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode slot = value.get(i);
            String where = in.where("allocations") + "[" + i + "]";
            if (slot.isNull()) {
                slots.add(null);
            } else if (attributeCount == 0) {
                throw decoding.error(where, "is " + slot.asText() + ", but the block has no attributes");
            } else {
                slots.add(in.intValue(slot, where, 0, attributeCount - 1));
            }
        }
        return slots;
    }

    private static AllocationAttribute attribute(JsonNode element, String where, Decoding decoding) {
        JsonIn in = JsonIn.object(element, decoding, where);
        return new AllocationAttribute(in.optString("handle_id"), in.optStringMap("secondary"), in.unknown());
    }
}
