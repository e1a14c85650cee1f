package io.tabby.bird.rib;

import io.tabby.bird.wire.Prefix;
import java.util.Arrays;
import java.util.Collection;

/**
 * The RIB's entry for one prefix, the only per-prefix object it keeps (like a BIRD {@code net}):
 * every peer's paths to it (the Adj-RIB-In of each peer is the view of these by source), the
 * outcome of the last decision, and what each established peer was last sent for it (the
 * Adj-RIB-Out), by the peer's slot. So a received route costs one table probe, and a drain reads
 * and writes the sent advert on the entry it already holds.
 *
 * <p>Most prefixes have one path and are sent to one peer (or to a few with the same advert), so
 * one path and one peer's advert are held directly, and arrays only appear beyond that: no
 * object per prefix besides this one, its prefix and its routes.
 */
final class PrefixPaths {
    // Four references and an int: 32 bytes with compressed references, a million prefixes in 32 MB.
    private final Prefix prefix;
    /**
     * A lone {@link Route}, or a {@code Route[]} holding two or more paths first and nulls after
     * (the count is found from the end: arrays are as small as the number of peers), or null.
     */
    private Object paths;
    /** The winner of the last decision; why it won is worked out again when asked. */
    private Route best;
    /** The advert held by the peer in {@link #sentSlot}, or an {@code Advert[]} by slot, or null. */
    private Object sent;
    private int sentSlot;

    PrefixPaths(Prefix prefix) {
        this.prefix = prefix;
    }

    Prefix prefix() {
        return prefix;
    }

    int size() {
        if (paths instanceof Route[] many) {
            int n = many.length;
            while (many[n - 1] == null) {
                n--;
            }
            return n;
        }
        return paths == null ? 0 : 1;
    }

    Route path(int i) {
        int size = size();
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("path " + i + " of " + size);
        }
        return paths instanceof Route[] many ? many[i] : (Route) paths;
    }

    /**
     * The outcome of the last decision, or null when no path is left: the decision is run again
     * for its reason (the paths have not changed since, so neither has the winner).
     */
    Decision decision(BestPathSelector selector) {
        if (best == null) {
            return null;
        }
        return paths instanceof Route[] many ? selector.select(many, size()) : new Decision(best,
                DecisionStep.ONLY_PATH, 1);
    }

    Route best() {
        return best;
    }

    /** The path of this peer and path id, or null. */
    Route find(int peerId, int pathId) {
        int at = indexOf(peerId, pathId);
        return at < 0 ? null : path(at);
    }

    /** Adds {@code route}, replacing the path with the same source peer and path id; returns that path or null. */
    Route put(Route route) {
        int at = indexOf(route.source().id(), route.pathId());
        if (at >= 0) {
            Route old = path(at);
            if (paths instanceof Route[] many) {
                many[at] = route;
            } else {
                paths = route;
            }
            return old;
        }
        if (paths == null) {
            paths = route;
        } else if (paths instanceof Route[] many) {
            int size = size();
            if (size == many.length) {
                many = Arrays.copyOf(many, size * 2);
                paths = many;
            }
            many[size] = route;
        } else {
            paths = new Route[] {(Route) paths, route};
        }
        return null;
    }

    /** Removes the path of this peer and path id; false when there was none. */
    boolean remove(int peerId, int pathId) {
        int at = indexOf(peerId, pathId);
        if (at < 0) {
            return false;
        }
        if (paths instanceof Route[] many) {
            int size = size();
            many[at] = many[size - 1];
            many[size - 1] = null;
            if (size - 1 == 1) {
                paths = many[0];
            }
        } else {
            paths = null;
        }
        return true;
    }

    /** Re-runs the decision; true when the best path (or its absence) changed. */
    boolean decide(BestPathSelector selector) {
        Route before = best;
        if (paths instanceof Route[] many) {
            best = selector.select(many, size()).best();
        } else {
            best = (Route) paths;
        }
        return before != best;
    }

    /** What the peer in {@code slot} holds from us for this prefix, or null. */
    Advert sent(int slot) {
        if (sent instanceof Advert[] bySlot) {
            return slot < bySlot.length ? bySlot[slot] : null;
        }
        return slot == sentSlot ? (Advert) sent : null;
    }

    /** Records what the peer in {@code slot} now holds (null: nothing); returns what it held. */
    Advert sent(int slot, Advert advert) {
        if (sent instanceof Advert[] bySlot) {
            if (slot >= bySlot.length) {
                if (advert == null) {
                    return null;
                }
                bySlot = Arrays.copyOf(bySlot, slot + 1);
                sent = bySlot;
            }
            Advert old = bySlot[slot];
            bySlot[slot] = advert;
            return old;
        }
        Advert held = (Advert) sent;
        if (held == null || slot == sentSlot) {
            sent = advert;
            sentSlot = slot;
            return held;
        }
        if (advert != null) {
            // A second peer holds an advert: switch to one array by slot.
            Advert[] bySlot = new Advert[Math.max(slot, sentSlot) + 1];
            bySlot[sentSlot] = held;
            bySlot[slot] = advert;
            sent = bySlot;
        }
        return null;
    }

    /** Whether any peer holds an advert for this prefix from us. */
    boolean advertised() {
        if (sent instanceof Advert[] bySlot) {
            for (Advert advert : bySlot) {
                if (advert != null) {
                    return true;
                }
            }
            return false;
        }
        return sent != null;
    }

    /** Adds the adverts peers hold for this prefix to {@code out}. */
    void collectSent(Collection<Advert> out) {
        if (sent instanceof Advert[] bySlot) {
            for (Advert advert : bySlot) {
                if (advert != null) {
                    out.add(advert);
                }
            }
        } else if (sent != null) {
            out.add((Advert) sent);
        }
    }

    /** No path and no peer holding an advert: the entry can go. */
    boolean unused() {
        return paths == null && !advertised();
    }

    private int indexOf(int peerId, int pathId) {
        if (paths instanceof Route[] many) {
            for (int i = 0; i < many.length && many[i] != null; i++) {
                if (many[i].source().id() == peerId && many[i].pathId() == pathId) {
                    return i;
                }
            }
            return -1;
        }
        Route one = (Route) paths;
        return one != null && one.source().id() == peerId && one.pathId() == pathId ? 0 : -1;
    }
}
