package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * AS4_PATH (type 17, optional transitive, RFC 6793): the 4-octet path that a 2-octet-only session
 * carries beside an AS_PATH whose large AS numbers read AS_TRANS. The codec writes it when needed
 * and merges it away on receive, so decoded UPDATEs never contain one.
 */
public record As4Path(List<AsPathSegment> segments) implements PathAttribute {
    public As4Path {
        segments = List.copyOf(requireNonNull(segments, "segments is null"));
    }

    @Override
    public int typeCode() {
        return AttributeType.AS4_PATH;
    }
}
