package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** LARGE_COMMUNITIES (type 32, optional transitive, RFC 8092): 12-octet values, at least one. */
public record LargeCommunities(List<Value> values) implements PathAttribute {

    /** One large community: global administrator and two local data parts, each unsigned 32 bits. */
    public record Value(long global, long local1, long local2) {
        public Value {
            for (long part : new long[] {global, local1, local2}) {
                if (part < 0 || part > 0xffffffffL) {
                    throw new IllegalArgumentException("large community part " + part + " is outside 0..4294967295");
                }
            }
        }
    }

    public LargeCommunities {
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("LARGE_COMMUNITIES needs at least one value");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.LARGE_COMMUNITIES;
    }
}
