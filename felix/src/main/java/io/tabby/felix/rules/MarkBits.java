package io.tabby.felix.rules;

/**
 * The packet-mark bits felix uses, carved from {@code IptablesMarkMask} lowest bit first: accept,
 * pass, scratch0, scratch1.
 */
public record MarkBits(int accept, int pass, int scratch0, int scratch1) {
    /** Calico felix 3.x's default mask. */
    public static final int DEFAULT_MASK = 0xffff0000;
    public static final MarkBits DEFAULT = fromMask(DEFAULT_MASK);

    /**
     * The bits of {@code mask}.
     *
     * @throws IllegalArgumentException when the mask has fewer than four bits
     */
    public static MarkBits fromMask(int mask) {
        int[] bits = new int[4];
        int found = 0;
        for (int bit = 0; bit < 32 && found < 4; bit++) {
            if ((mask & (1 << bit)) != 0) {
                bits[found++] = 1 << bit;
            }
        }
        if (found < 4) {
            throw new IllegalArgumentException(String.format(
                    "mark mask 0x%x has %d bits; felix needs at least 4 (IptablesMarkMask, e.g. 0xffff0000)", mask, found));
        }
        return new MarkBits(bits[0], bits[1], bits[2], bits[3]);
    }

    /** {@code -m mark --mark bit/bit}: the bit is set. */
    static String isSet(int bit) {
        return String.format("-m mark --mark 0x%x/0x%x", bit, bit);
    }

    /** {@code -m mark --mark 0/bit}: the bit is clear. */
    static String isClear(int bit) {
        return String.format("-m mark --mark 0x0/0x%x", bit);
    }

    /** {@code -j MARK --set-xmark bit/bit}. */
    static String set(int bit) {
        return String.format("-j MARK --set-xmark 0x%x/0x%x", bit, bit);
    }

    /** {@code -j MARK --set-xmark 0x0/bit}. */
    static String clear(int bit) {
        return String.format("-j MARK --set-xmark 0x0/0x%x", bit);
    }
}
