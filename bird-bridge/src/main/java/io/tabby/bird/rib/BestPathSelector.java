package io.tabby.bird.rib;

import java.util.Arrays;
import java.util.List;

/**
 * Runs the decision process over the paths to one prefix. Each step removes every path that some
 * other remaining path beats at that step (so MED, which only compares paths from one neighbour AS,
 * is applied the RFC 4271 way, independent of path order); the first step that leaves one path is
 * the reason it won. Reuses scratch arrays: owned by the RIB thread.
 */
final class BestPathSelector {
    private final List<DecisionRule> rules;
    private Route[] survivors = new Route[8];
    private boolean[] beaten = new boolean[8];

    BestPathSelector(RibConfig config) {
        this.rules = DecisionRules.forConfig(config);
    }

    /** The best of {@code paths[0..count)}, or null when {@code count} is 0. */
    Decision select(Route[] paths, int count) {
        if (count == 0) {
            return null;
        }
        if (count == 1) {
            return new Decision(paths[0], DecisionStep.ONLY_PATH, 1);
        }
        if (survivors.length < count) {
            survivors = new Route[count];
            beaten = new boolean[count];
        }
        System.arraycopy(paths, 0, survivors, 0, count);
        int alive = count;
        for (int r = 0; r < rules.size(); r++) {
            DecisionRule rule = rules.get(r);
            alive = eliminate(rule, alive);
            if (alive == 1) {
                Route best = survivors[0];
                Arrays.fill(survivors, 0, count, null);
                return new Decision(best, rule.step(), count);
            }
        }
        throw new IllegalStateException("two paths to " + paths[0].prefix() + " from peer "
                + survivors[0].source().id() + " share path id " + survivors[0].pathId());
    }

    private int eliminate(DecisionRule rule, int alive) {
        for (int i = 0; i < alive; i++) {
            beaten[i] = false;
            for (int j = 0; j < alive && !beaten[i]; j++) {
                if (i != j && rule.comparable(survivors[j], survivors[i])
                        && rule.compare(survivors[j], survivors[i]) < 0) {
                    beaten[i] = true;
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < alive; i++) {
            if (!beaten[i]) {
                survivors[kept++] = survivors[i];
            }
        }
        return kept;
    }
}
