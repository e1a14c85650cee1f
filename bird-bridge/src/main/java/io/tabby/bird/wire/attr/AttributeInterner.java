package io.tabby.bird.wire.attr;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Hash-consing for attribute sets (BIRD's attribute cache, FRR's attribute intern): equal sets
 * decoded from any number of UPDATEs and peers resolve to one canonical object, so a route costs a
 * reference, not a copy. Thread-safe. Sets stay until {@link #retainOnly} sweeps them; the RIB,
 * which knows which sets are still referenced, decides when.
 */
public final class AttributeInterner {
    private final ConcurrentMap<AttributeSet, AttributeSet> canonical = new ConcurrentHashMap<>();

    /** The canonical instance equal to {@code set}. */
    public AttributeSet intern(AttributeSet set) {
        requireNonNull(set, "set is null");
        if (set.isEmpty()) {
            return AttributeSet.EMPTY;
        }
        AttributeSet existing = canonical.putIfAbsent(set, set);
        return existing == null ? set : existing;
    }

    /** Number of distinct sets held. */
    public int size() {
        return canonical.size();
    }

    /** Drops every set for which {@code stillUsed} answers false. */
    public void retainOnly(Predicate<AttributeSet> stillUsed) {
        canonical.keySet().removeIf(set -> !stillUsed.test(set));
    }
}
