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

    /**
     * The block's JSON, written straight into one presized buffer: IPAM encodes the whole
     * block (5-10 KB for a /26) on every assignment, so this skips Jackson's generator. The text
     * is exactly what {@link JsonOut} would write (a test compares the two on random blocks).
     */
    static String encode(AllocationBlock block) {
        GoJsonText out = new GoJsonText(sizeHint(block));
        out.raw("{\"cidr\":").quote(block.cidr().toString());
        out.raw(",\"affinity\":").quoteOrNull(block.affinity());
        out.raw(",\"strictAffinity\":").bool(block.strictAffinity());
        out.raw(",\"allocations\":[");
        List<Integer> allocations = block.allocations();
        for (int i = 0; i < allocations.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            Integer index = allocations.get(i);
            if (index == null) {
                out.raw("null");
            } else {
                out.number(index);
            }
        }
        out.raw("],\"unallocated\":[");
        List<Integer> unallocated = block.unallocated();
        for (int i = 0; i < unallocated.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            out.number(unallocated.get(i));
        }
        out.raw("],\"attributes\":");
        if (block.attributes() == null) {
            out.raw("null");
        } else {
            out.raw('[');
            List<AllocationAttribute> attributes = block.attributes();
            for (int i = 0; i < attributes.size(); i++) {
                if (i > 0) {
                    out.raw(',');
                }
                attribute(out, attributes.get(i));
            }
            out.raw(']');
        }
        if (block.deleted() != null) {
            out.raw(",\"deleted\":").bool(block.deleted());
        }
        return out.unknownFields(block.unknown()).raw('}').toString();
    }

    private static void attribute(GoJsonText out, AllocationAttribute attribute) {
        out.raw("{\"handle_id\":").quoteOrNull(attribute.handleId());
        out.raw(",\"secondary\":");
        if (attribute.secondary() == null) {
            out.raw("null");
        } else {
            out.stringMap(attribute.secondary());
        }
        out.unknownFields(attribute.unknown()).raw('}');
    }

    /** Enough for the common block without regrowing: ~5 characters a slot, ~160 an attribute. */
    private static int sizeHint(AllocationBlock block) {
        int attributes = block.attributes() == null ? 0 : block.attributes().size();
        return 128 + 5 * (block.allocations().size() + block.unallocated().size()) + 160 * attributes;
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
