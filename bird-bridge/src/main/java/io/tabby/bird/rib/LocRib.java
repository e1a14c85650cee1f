package io.tabby.bird.rib;

import io.tabby.bird.wire.Prefix;
import java.util.function.BiConsumer;

/** All paths of all peers by prefix, with the best path of each (RFC 4271 §3.2 Loc-RIB). */
final class LocRib {
    private final PrefixTable<PrefixPaths> byPrefix = new PrefixTable<>();
    private final BestPathSelector selector;

    LocRib(BestPathSelector selector) {
        this.selector = selector;
    }

    void put(Route route) {
        byPrefix.computeIfAbsent(route.prefix(), p -> new PrefixPaths()).put(route);
    }

    void remove(Prefix prefix, int peerId, int pathId) {
        PrefixPaths paths = byPrefix.get(prefix);
        if (paths != null) {
            paths.remove(peerId, pathId);
        }
    }

    /** Re-runs the decision for {@code prefix}; true when its best path changed. */
    boolean decide(Prefix prefix) {
        PrefixPaths paths = byPrefix.get(prefix);
        if (paths == null) {
            return false;
        }
        boolean changed = paths.decide(selector);
        if (paths.size() == 0) {
            byPrefix.remove(prefix);
        }
        return changed;
    }

    /** The best path to {@code prefix}, or null when nothing reaches it. */
    Route best(Prefix prefix) {
        PrefixPaths paths = byPrefix.get(prefix);
        return paths == null ? null : paths.best();
    }

    /** The decision for {@code prefix}, or null when nothing reaches it. */
    Decision decision(Prefix prefix) {
        PrefixPaths paths = byPrefix.get(prefix);
        return paths == null ? null : paths.decision();
    }

    PrefixPaths paths(Prefix prefix) {
        return byPrefix.get(prefix);
    }

    int prefixCount() {
        return byPrefix.size();
    }

    /** Visits every prefix with its current best path. */
    void forEachBest(BiConsumer<Prefix, Route> visitor) {
        byPrefix.forEach((prefix, paths) -> {
            Route best = paths.best();
            if (best != null) {
                visitor.accept((Prefix) prefix, best);
            }
        });
    }
}
