package io.tabby.bird.rib;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paths one peer has announced and we accepted, per family (RFC 4271 §3.2 Adj-RIB-In). A path
 * without ADD-PATH (path id 0) is keyed by its prefix alone, saving a key object per route; other
 * paths by {@link PathKey}. The two never collide: a prefix never equals a PathKey.
 */
final class AdjRibIn {
    private final Map<AfiSafi, PrefixTable<Route>> byFamily = new HashMap<>();

    static Object key(Prefix prefix, int pathId) {
        return pathId == 0 ? prefix : new PathKey(prefix, pathId);
    }

    /** Stores {@code route}, returning the path it replaces, if any. */
    Route put(Route route) {
        return byFamily.computeIfAbsent(route.family(), f -> new PrefixTable<>())
                .put(key(route.prefix(), route.pathId()), route);
    }

    /** Removes a path, returning it, or null when the peer had not announced it. */
    Route remove(AfiSafi family, Prefix prefix, int pathId) {
        PrefixTable<Route> routes = byFamily.get(family);
        return routes == null ? null : routes.remove(key(prefix, pathId));
    }

    /** The routes of these families (a copy; for session events, not the UPDATE path). */
    List<Route> routes(Set<AfiSafi> families) {
        List<Route> out = new ArrayList<>();
        for (AfiSafi family : families) {
            PrefixTable<Route> routes = byFamily.get(family);
            if (routes != null) {
                out.addAll(routes.values());
            }
        }
        return out;
    }

    Set<AfiSafi> families() {
        return Set.copyOf(byFamily.keySet());
    }

    int size() {
        int n = 0;
        for (PrefixTable<Route> routes : byFamily.values()) {
            n += routes.size();
        }
        return n;
    }
}
