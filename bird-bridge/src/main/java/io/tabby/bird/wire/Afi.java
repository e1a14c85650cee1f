package io.tabby.bird.wire;

import java.util.Optional;

/** Address Family Identifier (IANA "Address Family Numbers"), the two this engine routes. */
public enum Afi {
    IPV4(1, 4),
    IPV6(2, 16);

    private final int code;
    private final int addressBytes;

    Afi(int code, int addressBytes) {
        this.code = code;
        this.addressBytes = addressBytes;
    }

    /** The 16-bit code on the wire. */
    public int code() {
        return code;
    }

    /** Octets in one full address of this family. */
    public int addressBytes() {
        return addressBytes;
    }

    /** Longest prefix length of this family, in bits. */
    public int maxPrefixLength() {
        return addressBytes * 8;
    }

    /** The family with this wire code, if it is one we route. */
    public static Optional<Afi> fromCode(int code) {
        return switch (code) {
            case 1 -> Optional.of(IPV4);
            case 2 -> Optional.of(IPV6);
            default -> Optional.empty();
        };
    }
}
