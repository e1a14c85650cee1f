package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** COMMUNITIES (type 8, optional transitive, RFC 1997): 32-bit values, at least one. */
public record Communities(List<Integer> values) implements PathAttribute {
    public Communities {
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("COMMUNITIES needs at least one value");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.COMMUNITIES;
    }
}
