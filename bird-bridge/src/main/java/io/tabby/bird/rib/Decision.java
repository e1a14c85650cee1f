package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of the decision process for one prefix.
 *
 * @param best the selected path
 * @param step the first step that left only {@code best}
 * @param candidates how many paths competed
 */
public record Decision(Route best, DecisionStep step, int candidates) {
    public Decision {
        requireNonNull(best, "best is null");
        requireNonNull(step, "step is null");
        if (candidates < 1) {
            throw new IllegalArgumentException("a decision needs at least one candidate, not " + candidates);
        }
    }
}
