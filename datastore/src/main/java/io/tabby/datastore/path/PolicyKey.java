package io.tabby.datastore.path;

import io.tabby.datastore.model.Policy;

/**
 * {@code /calico/v1/policy/tier/<tier>/policy/<name>}; the policy name is escaped in the
 * path (a namespaced policy is named {@code <namespace>/<name>}).
 *
 * @param tier the tier, {@code default} in libcalico-go v1
 * @param name the policy name
 */
public record PolicyKey(String tier, String name) implements Key<Policy> {

    /** The tier libcalico-go v1 always uses. */
    public static final String DEFAULT_TIER = "default";

    public PolicyKey {
        Segments.requirePlain(tier, "tier name");
        Segments.requireText(name, "policy name");
    }
}
