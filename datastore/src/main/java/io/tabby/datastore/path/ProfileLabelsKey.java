package io.tabby.datastore.path;

import java.util.Map;

/**
 * {@code /calico/v1/policy/profile/<profile>/labels}: a JSON map of labels every endpoint
 * using the profile inherits.
 *
 * @param profile the profile name
 */
public record ProfileLabelsKey(String profile) implements Key<Map<String, String>> {
    public ProfileLabelsKey {
        Segments.requireText(profile, "profile name");
    }
}
