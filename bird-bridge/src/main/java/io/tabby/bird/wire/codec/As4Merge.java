package io.tabby.bird.wire.codec;

import io.tabby.bird.wire.attr.Aggregator;
import io.tabby.bird.wire.attr.As4Aggregator;
import io.tabby.bird.wire.attr.As4Path;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.attr.PathAttribute;
import io.tabby.bird.wire.message.Open;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the 4-octet AS_PATH and AGGREGATOR of an UPDATE received on a 2-octet session from
 * AS4_PATH and AS4_AGGREGATOR (RFC 6793 §4.2.3), and removes the AS4 attributes.
 */
final class As4Merge {
    private As4Merge() {
    }

    static void apply(List<PathAttribute> attributes, List<AttributeDiscard> discarded) {
        AsPath asPath = find(attributes, AsPath.class);
        As4Path as4Path = find(attributes, As4Path.class);
        Aggregator aggregator = find(attributes, Aggregator.class);
        As4Aggregator as4Aggregator = find(attributes, As4Aggregator.class);
        attributes.removeIf(a -> a instanceof As4Path || a instanceof As4Aggregator);
        if (as4Aggregator != null) {
            if (aggregator == null) {
                discarded.add(new AttributeDiscard(AttributeType.AS4_AGGREGATOR, "no AGGREGATOR beside it"));
            } else if (aggregator.asn() != Open.AS_TRANS) {
                // RFC 6793 §4.2.3: a real 2-octet aggregator means an OLD speaker aggregated; both AS4 attributes are stale.
                discarded.add(new AttributeDiscard(AttributeType.AS4_AGGREGATOR, "AGGREGATOR is not AS_TRANS"));
                if (as4Path != null) {
                    discarded.add(new AttributeDiscard(AttributeType.AS4_PATH, "AGGREGATOR is not AS_TRANS"));
                }
                return;
            } else {
                attributes.set(attributes.indexOf(aggregator), new Aggregator(as4Aggregator.asn(), as4Aggregator.address()));
            }
        }
        if (as4Path == null) {
            return;
        }
        if (asPath == null) {
            discarded.add(new AttributeDiscard(AttributeType.AS4_PATH, "no AS_PATH beside it"));
            return;
        }
        int missing = asPath.pathLength() - new AsPath(as4Path.segments()).pathLength();
        if (missing < 0) {
            discarded.add(new AttributeDiscard(AttributeType.AS4_PATH, "longer than AS_PATH (RFC 6793 §4.2.3)"));
            return;
        }
        attributes.set(attributes.indexOf(asPath), new AsPath(merge(asPath.segments(), as4Path.segments(), missing)));
    }

    /** The leading {@code missing} ASes of {@code asPath} (and leading confederation segments), then {@code as4}. */
    private static List<AsPathSegment> merge(List<AsPathSegment> asPath, List<AsPathSegment> as4, int missing) {
        List<AsPathSegment> merged = new ArrayList<>();
        for (AsPathSegment segment : asPath) {
            if (segment.type().isConfederation()) {
                merged.add(segment);
                continue;
            }
            if (missing == 0) {
                break;
            }
            if (segment.type() == AsPathSegment.Type.AS_SET) {
                merged.add(segment);
                missing--;
            } else {
                int take = Math.min(missing, segment.asns().size());
                merged.add(new AsPathSegment(segment.type(), segment.asns().subList(0, take)));
                missing -= take;
            }
        }
        merged.addAll(as4);
        return merged;
    }

    private static <T extends PathAttribute> T find(List<PathAttribute> attributes, Class<T> type) {
        for (PathAttribute attribute : attributes) {
            if (type.isInstance(attribute)) {
                return type.cast(attribute);
            }
        }
        return null;
    }
}
