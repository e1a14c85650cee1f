package io.tabby.bird.wire.attr;

/** AGGREGATOR (type 7, optional transitive): the aggregating AS (4-octet in memory) and router. */
public record Aggregator(long asn, int address) implements PathAttribute {
    public Aggregator {
        if (asn < 0 || asn > 0xffffffffL) {
            throw new IllegalArgumentException("AGGREGATOR AS " + asn + " is outside 0..4294967295");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.AGGREGATOR;
    }
}
