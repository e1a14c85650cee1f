package io.tabby.bird.wire.attr;

/** LOCAL_PREF (type 5, well-known, iBGP only): an unsigned 32-bit preference. */
public record LocalPref(long value) implements PathAttribute {
    public LocalPref {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("LOCAL_PREF " + value + " is outside 0..4294967295");
        }
    }

    @Override
    public int typeCode() {
        return AttributeType.LOCAL_PREF;
    }
}
