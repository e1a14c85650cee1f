package io.tabby.bird.wire.attr;

/** NEXT_HOP (type 3, well-known mandatory for IPv4 NLRI): an IPv4 address as 32 bits. */
public record NextHop(int address) implements PathAttribute {
    @Override
    public int typeCode() {
        return AttributeType.NEXT_HOP;
    }
}
