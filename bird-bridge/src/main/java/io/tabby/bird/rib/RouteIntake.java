package io.tabby.bird.rib;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeSet;
import java.util.List;
import java.util.Set;

/**
 * What a peer's announcements, withdrawals and session events do to the Loc-RIB entries: adds,
 * replaces, marks stale and removes that peer's paths, keeps its path count, and lists each entry
 * it touched so the caller re-runs the decision there. A received route costs one table probe.
 */
final class RouteIntake {
    private final LocRib locRib;
    /** Route age for RFC 5004's "oldest external path" step, as a counter. */
    private long arrivals;

    RouteIntake(LocRib locRib) {
        this.locRib = locRib;
    }

    void withdraw(PeerState state, PrefixList prefixes, List<PrefixPaths> touched) {
        int peerId = state.info.id();
        for (int i = 0; i < prefixes.size(); i++) {
            PrefixPaths entry = locRib.get(prefixes.prefix(i));
            if (entry != null && locRib.remove(entry, peerId, prefixes.pathId(i))) {
                state.imported--;
                touched.add(entry);
            }
        }
    }

    void announce(PeerState state, AttributeSet attributes, Bytes mpNextHop, PrefixList prefixes, boolean looped,
                  List<PrefixPaths> touched) {
        if (looped) {
            withdraw(state, prefixes, touched);
            return;
        }
        PeerInfo source = state.info;
        for (int i = 0; i < prefixes.size(); i++) {
            PrefixPaths entry = locRib.entry(prefixes.prefix(i));
            int pathId = prefixes.pathId(i);
            Route old = entry.find(source.id(), pathId);
            // An unchanged re-announcement keeps its age (RFC 5004 compares when paths arrived).
            if (old != null && old.attributes().equals(attributes) && old.mpNextHop().equals(mpNextHop)
                    && !old.stale()) {
                continue;
            }
            locRib.put(entry, new Route(entry.prefix(), pathId, attributes, mpNextHop, source, ++arrivals, false));
            if (old == null) {
                state.imported++;
            }
            touched.add(entry);
        }
    }

    /** The session ended: the peer's paths of {@code staleFamilies} are marked stale, the rest removed. */
    void peerDown(PeerState state, Set<AfiSafi> staleFamilies, List<PrefixPaths> touched) {
        int peerId = state.info.id();
        locRib.forEachEntry(entry -> {
            // Backwards: a removal moves the last path into the freed place.
            for (int i = entry.size() - 1; i >= 0; i--) {
                Route route = entry.path(i);
                if (route.source().id() != peerId) {
                    continue;
                }
                if (!staleFamilies.contains(route.family())) {
                    remove(state, entry, route, touched);
                } else if (!route.stale()) {
                    entry.put(route.asStale());
                    touched.add(entry);
                }
            }
        });
    }

    /** Removes the peer's paths of these families still marked stale. */
    void flushStale(PeerState state, Set<AfiSafi> families, List<PrefixPaths> touched) {
        int peerId = state.info.id();
        locRib.forEachEntry(entry -> {
            for (int i = entry.size() - 1; i >= 0; i--) {
                Route route = entry.path(i);
                if (route.source().id() == peerId && route.stale() && families.contains(route.family())) {
                    remove(state, entry, route, touched);
                }
            }
        });
    }

    private void remove(PeerState state, PrefixPaths entry, Route route, List<PrefixPaths> touched) {
        if (locRib.remove(entry, state.info.id(), route.pathId())) {
            state.imported--;
            touched.add(entry);
        }
    }
}
