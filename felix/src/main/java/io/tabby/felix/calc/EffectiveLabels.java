package io.tabby.felix.calc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels a selector sees on an endpoint: the labels of its profiles (in profile order, a later
 * profile winning), overridden by the endpoint's own labels, as Calico's label inheritance does.
 */
public final class EffectiveLabels {
    private EffectiveLabels() {}

    public static Map<String, String> of(Map<String, String> own, List<String> profileIds,
            Map<String, Map<String, String>> profileLabels) {
        if (profileIds.isEmpty()) {
            return own;
        }
        Map<String, String> labels = new HashMap<>();
        for (String profile : profileIds) {
            labels.putAll(profileLabels.getOrDefault(profile, Map.of()));
        }
        labels.putAll(own);
        return labels;
    }
}
