package io.tabby.bird.wire.attr;

/**
 * AS4_AGGREGATOR (type 18, optional transitive, RFC 6793): the 4-octet aggregator beside an
 * AGGREGATOR reading AS_TRANS. Like {@link As4Path}, merged away on receive.
 */
public record As4Aggregator(long asn, int address) implements PathAttribute {
    public As4Aggregator {
        if (asn < 0 || asn > 0xffffffffL) {
            throw new IllegalArgumentException("AS4_AGGREGATOR AS " + asn + " is outside 0..4294967295");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.AS4_AGGREGATOR;
    }
}
