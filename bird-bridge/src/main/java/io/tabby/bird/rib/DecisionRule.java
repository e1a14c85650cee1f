package io.tabby.bird.rib;

/**
 * One step of the decision process: a preference between two paths that may leave some pairs
 * incomparable (MED only compares paths from the same neighbour AS).
 */
interface DecisionRule {
    DecisionStep step();

    /** Negative when {@code a} is preferred, positive when {@code b} is, 0 when equal here. */
    int compare(Route a, Route b);

    /** Whether this step compares {@code a} and {@code b} at all. */
    default boolean comparable(Route a, Route b) {
        return true;
    }
}
