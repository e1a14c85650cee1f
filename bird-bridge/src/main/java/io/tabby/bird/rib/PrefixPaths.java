package io.tabby.bird.rib;

import java.util.Arrays;

/**
 * The Loc-RIB's entry for one prefix: its one path held directly, or every path in a small array
 * (most prefixes have one or two), and the outcome of the last decision.
 */
final class PrefixPaths {
    // One path (the common case) is held directly, more in an array: no array per prefix.
    private Route single;
    private Route[] paths;
    private int size;
    // The winner and its step rather than a Decision object: one object less per prefix.
    private Route best;
    private DecisionStep step;

    int size() {
        return size;
    }

    Route path(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("path " + i + " of " + size);
        }
        return paths == null ? single : paths[i];
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
            if (paths == null) {
                single = route;
            } else {
                paths[at] = route;
            }
            return;
        }
        if (size == 0) {
            single = route;
        } else {
            if (paths == null) {
                paths = new Route[] {single, null};
                single = null;
            } else if (size == paths.length) {
                paths = Arrays.copyOf(paths, size * 2);
            }
            paths[size] = route;
        }
        size++;
    }

    /** Removes the path of this peer and path id; false when there was none. */
    boolean remove(int peerId, int pathId) {
        int at = indexOf(peerId, pathId);
        if (at < 0) {
            return false;
        }
        if (paths == null) {
            single = null;
        } else {
            paths[at] = paths[size - 1];
            paths[size - 1] = null;
            if (size - 1 == 1) {
                single = paths[0];
                paths = null;
            }
        }
        size--;
        return true;
    }

    /** Re-runs the decision; true when the best path (or its absence) changed. */
    boolean decide(BestPathSelector selector) {
        Route before = best;
        if (paths == null) {
            best = single;
            step = single == null ? null : DecisionStep.ONLY_PATH;
        } else {
            Decision decision = selector.select(paths, size);
            best = decision == null ? null : decision.best();
            step = decision == null ? null : decision.step();
        }
        return before != best;
    }

    private int indexOf(int peerId, int pathId) {
        for (int i = 0; i < size; i++) {
            Route path = paths == null ? single : paths[i];
            if (path.source().id() == peerId && path.pathId() == pathId) {
                return i;
            }
        }
        return -1;
    }
}
