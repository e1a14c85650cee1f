package io.tabby.felix.calc;

import io.tabby.datastore.selector.RequiredLabel;
import io.tabby.datastore.selector.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** Label key to value to the endpoints carrying it, each with its labels (so a candidate costs no lookup). */
    private final Map<String, Map<String, Map<K, Map<String, String>>>> byLabel = new HashMap<>();

    /** Records (or replaces) the labels of {@code key}. */
    void put(K key, Map<String, String> effective) {
        remove(key);
        labels.put(key, effective);
        effective.forEach((name, value) -> {
            if (value != null) {
                byLabel.computeIfAbsent(name, n -> new HashMap<>()).computeIfAbsent(value, v -> new HashMap<>())
                        .put(key, effective);
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
            Map<String, Map<K, Map<String, String>>> values = byLabel.get(name);
            Map<K, Map<String, String>> keys = values.get(value);
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
        for (Map<K, Map<String, String>> candidates : candidates(selector)) {
            candidates.forEach((key, effective) -> {
                if (selector.matches(effective)) {
                    matched.add(key);
                }
            });
        }
        return matched;
    }

    /**
     * The endpoints (by key, with their labels) that carry a value of the selector's most selective
     * required label, one map per value (disjoint: an endpoint has one value per label); all
     * endpoints when it requires none.
     */
    private List<Map<K, Map<String, String>>> candidates(Selector selector) {
        List<Map<K, Map<String, String>>> best = null;
        int bestSize = labels.size();
        for (RequiredLabel required : RequiredLabel.of(selector)) {
            Map<String, Map<K, Map<String, String>>> values = byLabel.getOrDefault(required.key(), Map.of());
            List<Map<K, Map<String, String>>> maps = new ArrayList<>();
            int size = 0;
            for (String value : required.values()) {
                Map<K, Map<String, String>> keys = values.get(value);
                if (keys != null) {
                    maps.add(keys);
                    size += keys.size();
                }
            }
            if (best == null || size < bestSize) {
                best = maps;
                bestSize = size;
            }
        }
        return best == null ? List.of(labels) : best;
    }
}
