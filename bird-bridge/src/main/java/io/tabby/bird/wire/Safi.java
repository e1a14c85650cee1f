package io.tabby.bird.wire;

import java.util.Optional;

/** Subsequent Address Family Identifier (RFC 4760); unicast is the only one this engine routes. */
public enum Safi {
    UNICAST(1);

    private final int code;

    Safi(int code) {
        this.code = code;
    }

    /** The 8-bit code on the wire. */
    public int code() {
        return code;
    }

    /** The SAFI with this wire code, if it is one we route. */
    public static Optional<Safi> fromCode(int code) {
        return code == 1 ? Optional.of(UNICAST) : Optional.empty();
    }
}
