package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.Bytes;
import java.util.Optional;

/**
 * An optional attribute this codec does not interpret, kept byte for byte with its flags (the
 * extended-length bit is dropped: the encoder chooses it from the value's size).
 */
public record UnknownAttribute(int flags, int typeCode, Bytes value) implements PathAttribute {
    public UnknownAttribute {
        requireNonNull(value, "value is null");
        if ((flags & ~0xe0) != 0) {
            throw new IllegalArgumentException("attribute flags 0x" + Integer.toHexString(flags)
                    + " use bits other than optional, transitive and partial");
        }
        if ((flags & AttributeType.FLAG_OPTIONAL) == 0) {
            throw new IllegalArgumentException("unknown attribute " + typeCode + " must be optional");
        }
        if (typeCode < 0 || typeCode > 255) {
            throw new IllegalArgumentException("attribute type " + typeCode + " is outside 0..255");
        }
        if (value.length() > 0xffff) {
            throw new IllegalArgumentException("attribute value of " + value.length() + " octets is too long");
        }
    }

    public boolean isTransitive() {
        return (flags & AttributeType.FLAG_TRANSITIVE) != 0;
    }

    /**
     * What to send on to another peer (RFC 4271 §5): an optional transitive attribute we do not
     * recognise goes on with the Partial bit set; a non-transitive one is dropped.
     */
    public Optional<UnknownAttribute> forResend() {
        return isTransitive()
                ? Optional.of(new UnknownAttribute(flags | AttributeType.FLAG_PARTIAL, typeCode, value))
                : Optional.empty();
    }
}
