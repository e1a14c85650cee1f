package io.tabby.bird.wire.attr;

/** ORIGINATOR_ID (type 9, optional non-transitive, RFC 4456): the originating router id. */
public record OriginatorId(int routerId) implements PathAttribute {
    @Override
    public int typeCode() {
        return AttributeType.ORIGINATOR_ID;
    }
}
