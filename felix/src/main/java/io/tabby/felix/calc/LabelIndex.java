package io.tabby.felix.calc;

import io.tabby.datastore.selector.RequiredLabel;
import io.tabby.datastore.selector.Selector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The effective labels of many endpoints, indexed by label key and value, so that a selector
 * that requires a label ({@link RequiredLabel}: {@code ns == "a" && app == "b"}) is evaluated
 * against the endpoints carrying one of the required values only, not against all of them.
 * {@link #matching} gives exactly the endpoints whose labels the selector matches.
 *
 * @param <K> what an endpoint is known by
 */
final class LabelIndex<K> {
    private final Map<K, Map<String, String>> labels = new HashMap<>();
    private final Map<String, Map<String, Set<K>>> byLabel = new HashMap<>();

    /** Records (or replaces) the labels of {@code key}. */
    void put(K key, Map<String, String> effective) {
        remove(key);
        labels.put(key, effective);
        effective.forEach((name, value) -> {
            if (value != null) {
                byLabel.computeIfAbsent(name, n -> new HashMap<>()).computeIfAbsent(value, v -> new HashSet<>())
                        .add(key);
            }
        });
    }

    /** Forgets {@code key}; nothing when it is unknown. */
    void remove(K key) {
        Map<String, String> old = labels.remove(key);
        if (old == null) {
            return;
        }
        old.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            Map<String, Set<K>> values = byLabel.get(name);
            Set<K> keys = values.get(value);
            keys.remove(key);
            if (keys.isEmpty()) {
                values.remove(value);
                if (values.isEmpty()) {
                    byLabel.remove(name);
                }
            }
        });
    }

    /** The labels of {@code key}, null when it is unknown. */
    Map<String, String> get(K key) {
        return labels.get(key);
    }

    void forEach(BiConsumer<? super K, ? super Map<String, String>> action) {
        labels.forEach(action);
    }

    void clear() {
        labels.clear();
        byLabel.clear();
    }

    /** Every key whose labels {@code selector} matches, in no particular order. */
    List<K> matching(Selector selector) {
        List<K> matched = new ArrayList<>();
        for (K key : candidates(selector)) {
            if (selector.matches(labels.get(key))) {
                matched.add(key);
            }
        }
        return matched;
    }

    /** The keys that carry a value of the selector's most selective required label; all keys when it requires none. */
    private Collection<K> candidates(Selector selector) {
        List<Set<K>> best = null;
        int bestSize = labels.size();
        for (RequiredLabel required : RequiredLabel.of(selector)) {
            Map<String, Set<K>> values = byLabel.getOrDefault(required.key(), Map.of());
            List<Set<K>> sets = new ArrayList<>();
            int size = 0;
            for (String value : required.values()) {
                Set<K> keys = values.get(value);
                if (keys != null) {
                    sets.add(keys);
                    size += keys.size();
                }
            }
            if (best == null || size < bestSize) {
                best = sets;
                bestSize = size;
            }
        }
        if (best == null) {
            return labels.keySet();
        }
        // A key has one value per label, so the sets are disjoint.
        List<K> candidates = new ArrayList<>(bestSize);
        best.forEach(candidates::addAll);
        return candidates;
    }
}
