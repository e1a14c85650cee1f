package io.tabby.bird.rib;

import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import io.tabby.bird.wire.attr.PathAttribute;
import java.util.List;

/**
 * The attribute values the decision process and the export rules read, with RFC defaults for absent
 * attributes. Plain loops, no Optional or streams: these run for every path comparison.
 */
final class PathFacts {
    private PathFacts() {
    }

    static long localPref(AttributeSet set, long fallback) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof LocalPref p) {
                return p.value();
            }
        }
        return fallback;
    }

    /** AS_PATH length for selection: AS_SET counts 1, confederation segments 0. */
    static int asPathLength(AttributeSet set) {
        AsPath path = asPath(set);
        if (path == null) {
            return 0;
        }
        int length = 0;
        List<AsPathSegment> segments = path.segments();
        for (int i = 0; i < segments.size(); i++) {
            length += segments.get(i).pathLength();
        }
        return length;
    }

    static AsPath asPath(AttributeSet set) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof AsPath p) {
                return p;
            }
        }
        return null;
    }

    /** ORIGIN as 0 (IGP), 1 (EGP), 2 (INCOMPLETE); a missing ORIGIN ranks as INCOMPLETE. */
    static int origin(AttributeSet set) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof Origin o) {
                return o.kind().ordinal();
            }
        }
        return Origin.Kind.INCOMPLETE.ordinal();
    }

    /** MED, or 0 when absent (RFC 4271 §9.1.2.2 c). */
    static long med(AttributeSet set) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof MultiExitDisc m) {
                return m.value();
            }
        }
        return 0;
    }

    /** The AS the path entered our neighbour from: the first AS of a leading AS_SEQUENCE, 0 if none. */
    static long neighbourAs(AttributeSet set) {
        AsPath path = asPath(set);
        if (path == null || path.segments().isEmpty()) {
            return 0;
        }
        AsPathSegment first = path.segments().getFirst();
        return first.type() == AsPathSegment.Type.AS_SEQUENCE ? first.asns().getFirst() : 0;
    }

    /** ORIGINATOR_ID, or {@code fallback} (the sending peer's router id) when absent. */
    static int originatorOr(AttributeSet set, int fallback) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof OriginatorId o) {
                return o.routerId();
            }
        }
        return fallback;
    }

    static boolean hasOriginator(AttributeSet set) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof OriginatorId) {
                return true;
            }
        }
        return false;
    }

    static ClusterList clusterList(AttributeSet set) {
        for (PathAttribute a : set.attributes()) {
            if (a instanceof ClusterList c) {
                return c;
            }
        }
        return null;
    }

    static int clusterListLength(AttributeSet set) {
        ClusterList list = clusterList(set);
        return list == null ? 0 : list.clusterIds().size();
    }

    static boolean asPathContains(AttributeSet set, long asn) {
        AsPath path = asPath(set);
        if (path == null) {
            return false;
        }
        for (AsPathSegment segment : path.segments()) {
            if (segment.asns().contains(asn)) {
                return true;
            }
        }
        return false;
    }
}
