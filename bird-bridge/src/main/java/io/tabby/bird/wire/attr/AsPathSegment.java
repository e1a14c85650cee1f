package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One AS_PATH segment: a type and 1..255 AS numbers (each 0..2^32-1). */
public record AsPathSegment(Type type, List<Long> asns) {

    /** Segment types: RFC 4271 (SET 1, SEQUENCE 2) and RFC 5065 (confederation 3, 4). */
    public enum Type {
        AS_SET(1), AS_SEQUENCE(2), AS_CONFED_SEQUENCE(3), AS_CONFED_SET(4);

        private final int code;

        Type(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The type with this code, or null for an undefined one. */
        public static Type fromCode(int code) {
            return code >= 1 && code <= 4 ? values()[code - 1] : null;
        }

        public boolean isConfederation() {
            return this == AS_CONFED_SEQUENCE || this == AS_CONFED_SET;
        }
    }

    public AsPathSegment {
        requireNonNull(type, "type is null");
        asns = List.copyOf(requireNonNull(asns, "asns is null"));
        if (asns.isEmpty() || asns.size() > 255) {
            throw new IllegalArgumentException("AS_PATH segment has " + asns.size() + " ASes, not 1..255");
        }
        for (long asn : asns) {
            if (asn < 0 || asn > 0xffffffffL) {
                throw new IllegalArgumentException("AS number " + asn + " is outside 0..4294967295");
            }
        }
    }

    public static AsPathSegment sequence(Long... asns) {
        return new AsPathSegment(Type.AS_SEQUENCE, List.of(asns));
    }

    /** This segment's contribution to path length for best-path selection (RFC 4271 §9.1.2.2). */
    public int pathLength() {
        return switch (type) {
            case AS_SEQUENCE -> asns.size();
            case AS_SET -> 1;
            case AS_CONFED_SEQUENCE, AS_CONFED_SET -> 0;
        };
    }
}
