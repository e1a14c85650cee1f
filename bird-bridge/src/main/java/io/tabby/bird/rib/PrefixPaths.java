package io.tabby.bird.rib;

import java.util.Arrays;

/**
 * The Loc-RIB's entry for one prefix: every path to it in a small array (most prefixes have one or
 * two) and the outcome of the last decision.
 */
final class PrefixPaths {
    private Route[] paths = new Route[2];
    private int size;
    // The winner and its step rather than a Decision object: one object less per prefix.
    private Route best;
    private DecisionStep step;

    int size() {
        return size;
    }

    Route path(int i) {
        return paths[i];
    }

    /** The outcome of the last decision, or null when no path is left. */
    Decision decision() {
        return best == null ? null : new Decision(best, step, size);
    }

    Route best() {
        return best;
    }

    /** Adds {@code route}, replacing the path with the same source peer and path id. */
    void put(Route route) {
        int at = indexOf(route.source().id(), route.pathId());
        if (at >= 0) {
            paths[at] = route;
            return;
        }
        if (size == paths.length) {
            paths = Arrays.copyOf(paths, size * 2);
        }
        paths[size++] = route;
    }

    /** Removes the path of this peer and path id; false when there was none. */
    boolean remove(int peerId, int pathId) {
        int at = indexOf(peerId, pathId);
        if (at < 0) {
            return false;
        }
        paths[at] = paths[--size];
        paths[size] = null;
        return true;
    }

    /** Re-runs the decision; true when the best path (or its absence) changed. */
    boolean decide(BestPathSelector selector) {
        Route before = best;
        Decision decision = selector.select(paths, size);
        best = decision == null ? null : decision.best();
        step = decision == null ? null : decision.step();
        return before != best;
    }

    private int indexOf(int peerId, int pathId) {
        for (int i = 0; i < size; i++) {
            if (paths[i].source().id() == peerId && paths[i].pathId() == pathId) {
                return i;
            }
        }
        return -1;
    }
}
