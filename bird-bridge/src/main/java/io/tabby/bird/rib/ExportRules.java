package io.tabby.bird.rib;

import io.tabby.bird.wire.Afi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.OriginatorId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether and how the best path goes to one peer:
 * <ul>
 *   <li>never back to the peer it came from;
 *   <li>iBGP to iBGP only when reflecting (RFC 4456 §6): a client's route goes to every iBGP peer,
 *       a non-client's only to clients; reflecting adds ORIGINATOR_ID (the source's router id)
 *       when absent and prepends our cluster id to CLUSTER_LIST;
 *   <li>to eBGP: our AS prepended to AS_PATH, next hop set to our address, LOCAL_PREF, MED,
 *       ORIGINATOR_ID and CLUSTER_LIST removed;
 *   <li>to iBGP: LOCAL_PREF added when absent, next hop kept unless next hop self;
 *   <li>routes we originate carry our address as next hop to everyone.
 * </ul>
 * The rewrite depends only on the path's attributes and next hop, its source and the target, so
 * results are remembered: a million prefixes sharing one attribute set cost one rewrite per peer.
 */
final class ExportRules {
    /** Remembers "not sent" in the memo. */
    private static final Advert NONE = new Advert(AttributeSet.EMPTY, Bytes.EMPTY);

    private final RibConfig config;
    private final AttributeInterner interner;
    private final Map<MemoKey, Advert> memo = new HashMap<>();

    private record MemoKey(AttributeSet attributes, Bytes mpNextHop, boolean v4, int sourceId, int targetId) {
    }

    /** The last answer, reused while a drain visits prefixes sharing one path's attributes (most do). */
    private MemoKey lastKey;
    private Advert lastAdvert;

    ExportRules(RibConfig config, AttributeInterner interner) {
        this.config = config;
        this.interner = interner;
    }

    /** Whether a path from {@code source} may be sent to {@code target} at all. */
    static boolean allowed(PeerInfo source, PeerInfo target) {
        if (source.id() == target.id()) {
            return false;
        }
        if (source.internal() && target.internal()) {
            return source.routeReflectorClient() || target.routeReflectorClient();
        }
        return true;
    }

    /** The advert of {@code route} for {@code target}, or null when it must not be sent. */
    Advert export(Route route, PeerInfo target, ExportFilter filter) {
        PeerInfo source = route.source();
        if (!allowed(source, target) || !filter.accept(target, route)) {
            return null;
        }
        boolean v4 = route.prefix().afi() == Afi.IPV4;
        MemoKey last = lastKey;
        if (last != null && last.attributes() == route.attributes() && last.mpNextHop() == route.mpNextHop()
                && last.v4() == v4 && last.sourceId() == source.id() && last.targetId() == target.id()) {
            return lastAdvert;
        }
        MemoKey key = new MemoKey(route.attributes(), route.mpNextHop(), v4, source.id(), target.id());
        Advert known = memo.get(key);
        if (known == null) {
            known = rewrite(route, source, target, v4);
            memo.put(key, known == null ? NONE : known);
        }
        Advert advert = known == NONE ? null : known;
        lastKey = key;
        lastAdvert = advert;
        return advert;
    }

    /** Forgets remembered rewrites: peer details changed, or attribute sets are being swept. */
    void forget() {
        memo.clear();
        lastKey = null;
        lastAdvert = null;
    }

    private Advert rewrite(Route route, PeerInfo source, PeerInfo target, boolean v4) {
        AttributeSet attributes = route.attributes();
        Bytes mpNextHop = route.mpNextHop();
        if (target.internal()) {
            if (source.internal()) {
                attributes = reflected(attributes, source);
            }
            if (!attributes.contains(AttributeType.LOCAL_PREF)) {
                attributes = attributes.with(new LocalPref(config.defaultLocalPref()));
            }
        } else {
            attributes = attributes.without(AttributeType.LOCAL_PREF)
                    .without(AttributeType.MULTI_EXIT_DISC)
                    .without(AttributeType.ORIGINATOR_ID)
                    .without(AttributeType.CLUSTER_LIST)
                    .with(prepended(PathFacts.asPath(attributes), config.localAs()));
        }
        if (!target.internal() || target.nextHopSelf() || source.isLocal()) {
            if (v4) {
                attributes = attributes.with(new NextHop(target.localIpv4()));
            } else {
                mpNextHop = target.localIpv6();
            }
        }
        if (!v4 && mpNextHop.length() == 0) {
            return null;
        }
        return new Advert(interner.intern(attributes), mpNextHop);
    }

    private AttributeSet reflected(AttributeSet attributes, PeerInfo source) {
        AttributeSet out = attributes;
        if (!PathFacts.hasOriginator(out)) {
            out = out.with(new OriginatorId(source.routerId()));
        }
        ClusterList old = PathFacts.clusterList(out);
        List<Integer> ids = new ArrayList<>();
        ids.add(config.clusterId());
        if (old != null) {
            ids.addAll(old.clusterIds());
        }
        return out.with(new ClusterList(ids));
    }

    /** {@code path} with {@code asn} in front, joining a leading AS_SEQUENCE that has room. */
    static AsPath prepended(AsPath path, long asn) {
        List<AsPathSegment> segments = new ArrayList<>(path == null ? List.of() : path.segments());
        if (!segments.isEmpty() && segments.getFirst().type() == AsPathSegment.Type.AS_SEQUENCE
                && segments.getFirst().asns().size() < 255) {
            List<Long> asns = new ArrayList<>();
            asns.add(asn);
            asns.addAll(segments.getFirst().asns());
            segments.set(0, new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, asns));
        } else {
            segments.addFirst(new AsPathSegment(AsPathSegment.Type.AS_SEQUENCE, List.of(asn)));
        }
        return new AsPath(segments);
    }
}
