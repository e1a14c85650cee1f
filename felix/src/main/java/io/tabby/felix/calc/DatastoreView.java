package io.tabby.felix.calc;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the datastore felix computes from, as decoded records; a {@code null} value passed
 * to a setter removes the entry. Mutated only by {@link CalcGraph} on its one thread.
 */
final class DatastoreView {
    final Map<WorkloadEndpointKey, WorkloadEndpoint> workloadEndpoints = new HashMap<>();
    final Map<String, ParsedPolicy> policies = new HashMap<>();
    final Map<String, ProfileRules> profileRules = new HashMap<>();
    final Map<String, Map<String, String>> profileLabels = new HashMap<>();
    final Map<String, List<String>> profileTags = new HashMap<>();
    final Map<Cidr, IpPool> pools = new LinkedHashMap<>();

    static <K, V> void put(Map<K, V> map, K key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /**
     * The labels profiles give the endpoints that use them: their labels plus, for each v1 tag
     * {@code t}, a label {@code t} with an empty value (so that the selector {@code has(t)}, which
     * is what a tag means, matches).
     */
    Map<String, Map<String, String>> inheritedLabels() {
        if (profileTags.isEmpty()) {
            return profileLabels;
        }
        Map<String, Map<String, String>> inherited = new HashMap<>(profileLabels);
        profileTags.forEach((profile, tags) -> {
            Map<String, String> labels = new HashMap<>();
            tags.forEach(tag -> labels.put(tag, ""));
            labels.putAll(profileLabels.getOrDefault(profile, Map.of()));
            inherited.put(profile, labels);
        });
        return inherited;
    }
}
