package io.tabby.bird.rib;

import io.tabby.bird.wire.Prefix;

/**
 * Told when the best path to a prefix changes, on the RIB thread, after the UPDATE or session event
 * that caused it has been applied: the kernel protocol's feed (BIRD's kernel export of the table).
 * Must be quick and must not call back into the RIB.
 */
@FunctionalInterface
public interface BestPathListener {
    BestPathListener NONE = (prefix, best) -> { };

    /** {@code best} is the new winner, or null when nothing reaches {@code prefix} any more. */
    void bestChanged(Prefix prefix, Route best);
}
