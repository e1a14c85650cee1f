package io.tabby.bird.rib;

import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AttributeSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Every prefix's entry (RFC 4271 §3.2 Loc-RIB, with every peer's Adj-RIB-In and Adj-RIB-Out
 * folded into the entries): one table probe per received route. An entry stays while it has a
 * path or some peer still holds an advert for it, so a withdrawal that is not yet sent is not lost.
 */
final class LocRib {
    private final PrefixTable<PrefixPaths> byPrefix = new PrefixTable<>(PrefixPaths::prefix);
    private final BestPathSelector selector;
    /** Entries with at least one path (the table also holds entries only waiting for a withdrawal). */
    private int reachable;

    LocRib(BestPathSelector selector) {
        this.selector = selector;
    }

    /** The entry of {@code prefix}, created empty when there is none. */
    PrefixPaths entry(Prefix prefix) {
        return byPrefix.computeIfAbsent(prefix, p -> new PrefixPaths((Prefix) p));
    }

    /** The entry of {@code prefix}, or null. */
    PrefixPaths get(Prefix prefix) {
        return byPrefix.get(prefix);
    }

    /** Adds {@code route} to {@code entry}; returns the path it replaces, or null. */
    Route put(PrefixPaths entry, Route route) {
        boolean wasEmpty = entry.size() == 0;
        Route old = entry.put(route);
        if (wasEmpty) {
            reachable++;
        }
        return old;
    }

    /** Removes a path from {@code entry}; false when it had none of this peer and path id. */
    boolean remove(PrefixPaths entry, int peerId, int pathId) {
        if (!entry.remove(peerId, pathId)) {
            return false;
        }
        if (entry.size() == 0) {
            reachable--;
        }
        return true;
    }

    /** Re-runs the decision for {@code entry}; true when its best path changed. */
    boolean decide(PrefixPaths entry) {
        return entry.decide(selector);
    }

    /** Drops {@code entry} from the table when it has no path and no peer holds an advert for it. */
    void dropIfUnused(PrefixPaths entry) {
        if (entry.unused() && byPrefix.get(entry.prefix()) == entry) {
            byPrefix.remove(entry.prefix());
        }
    }

    /**
     * The peer in {@code slot} holds nothing from us any more (its session ended, or it asked for
     * everything again): clears its sent adverts on every entry.
     */
    void clearSent(int slot) {
        List<PrefixPaths> emptied = new ArrayList<>();
        byPrefix.forEach(entry -> {
            if (entry.sent(slot, null) != null && entry.unused()) {
                emptied.add(entry);
            }
        });
        emptied.forEach(this::dropIfUnused);
    }

    /** Every attribute set a stored path or an advert some peer holds refers to. */
    Set<AttributeSet> usedAttributes() {
        Set<AttributeSet> used = new HashSet<>();
        List<Advert> sent = new ArrayList<>();
        byPrefix.forEach(entry -> {
            for (int i = 0; i < entry.size(); i++) {
                used.add(entry.path(i).attributes());
            }
            entry.collectSent(sent);
        });
        for (Advert advert : sent) {
            used.add(advert.attributes());
        }
        return used;
    }

    /** The best path to {@code prefix}, or null when nothing reaches it. */
    Route best(Prefix prefix) {
        PrefixPaths paths = byPrefix.get(prefix);
        return paths == null ? null : paths.best();
    }

    /** The decision for {@code prefix}, or null when nothing reaches it. */
    Decision decision(Prefix prefix) {
        PrefixPaths paths = byPrefix.get(prefix);
        return paths == null ? null : paths.decision(selector);
    }

    PrefixPaths paths(Prefix prefix) {
        return byPrefix.get(prefix);
    }

    int prefixCount() {
        return reachable;
    }

    /** Visits every entry, empty ones included. Do not add or drop entries meanwhile. */
    void forEachEntry(Consumer<PrefixPaths> visitor) {
        byPrefix.forEach(visitor);
    }

    /** Visits every prefix with its current best path. */
    void forEachBest(BiConsumer<Prefix, Route> visitor) {
        byPrefix.forEach(paths -> {
            Route best = paths.best();
            if (best != null) {
                visitor.accept(paths.prefix(), best);
            }
        });
    }
}
