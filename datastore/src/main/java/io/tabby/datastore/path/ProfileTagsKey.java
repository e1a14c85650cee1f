package io.tabby.datastore.path;

import java.util.List;

/**
 * {@code /calico/v1/policy/profile/<profile>/tags}: a JSON array of tag strings.
 *
 * @param profile the profile name
 */
public record ProfileTagsKey(String profile) implements Key<List<String>> {
    public ProfileTagsKey {
        Segments.requireText(profile, "profile name");
    }
}
