package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** AS_PATH (type 2, well-known mandatory), always with 4-octet AS numbers in memory. */
public record AsPath(List<AsPathSegment> segments) implements PathAttribute {
    public static final AsPath EMPTY = new AsPath(List.of());

    public AsPath {
        segments = List.copyOf(requireNonNull(segments, "segments is null"));
    }

    /** Path length for best-path selection (AS_SET counts 1, confederation segments 0). */
    public int pathLength() {
        return segments.stream().mapToInt(AsPathSegment::pathLength).sum();
    }

    /** Whether any AS number needs 4 octets. */
    public boolean hasFourOctetAsns() {
        return segments.stream().flatMap(s -> s.asns().stream()).anyMatch(asn -> asn > 0xffff);
    }

    @Override
    public int typeCode() {
        return AttributeType.AS_PATH;
    }
}
