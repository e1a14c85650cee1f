package io.tabby.bird.wire.attr;

/** MULTI_EXIT_DISC (type 4, optional non-transitive): an unsigned 32-bit metric. */
public record MultiExitDisc(long value) implements PathAttribute {
    public MultiExitDisc {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("MED " + value + " is outside 0..4294967295");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.MULTI_EXIT_DISC;
    }
}
