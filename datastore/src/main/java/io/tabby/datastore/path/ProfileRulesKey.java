package io.tabby.datastore.path;

import io.tabby.datastore.model.ProfileRules;

/**
 * {@code /calico/v1/policy/profile/<profile>/rules}; the profile name is escaped in the path.
 *
 * @param profile the profile name
 */
public record ProfileRulesKey(String profile) implements Key<ProfileRules> {
    public ProfileRulesKey {
        Segments.requireText(profile, "profile name");
    }
}
