package io.tabby.bird.wire.codec;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.attr.AttributeType;

/** An attribute dropped from an otherwise accepted UPDATE ("attribute discard", RFC 7606 §2). */
public record AttributeDiscard(int typeCode, String reason) {
    public AttributeDiscard {
        requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return AttributeType.name(typeCode) + " discarded: " + reason;
    }
}
