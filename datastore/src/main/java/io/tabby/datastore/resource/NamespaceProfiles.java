package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kubernetes namespaces as Calico's namespace controller keeps them: one profile
 * {@code kns.<namespace>} per namespace, whose labels to apply are the namespace's labels with the
 * prefix {@code pcns.} plus {@code pcns.projectcalico.org/name=<namespace>}, and whose rules allow
 * all ingress and egress. Endpoints name the profile, so they inherit the labels that rule
 * {@code namespaceSelector}s match.
 */
public final class NamespaceProfiles {
    /** The profile name prefix of a namespace. */
    public static final String PROFILE_PREFIX = "kns.";
    /** The prefix namespace labels get on the endpoints of the namespace. */
    public static final String LABEL_PREFIX = "pcns.";
    /** The label naming the namespace itself. */
    public static final String NAME_LABEL = "projectcalico.org/name";

    private NamespaceProfiles() {
    }

    /** The profile name of namespace {@code namespace}. */
    public static String profileName(String namespace) {
        return PROFILE_PREFIX + requireNonNull(namespace, "namespace is null");
    }

    /** The namespace a profile stands for, when it is a namespace profile. */
    public static Optional<String> namespaceOf(String profileName) {
        return profileName.startsWith(PROFILE_PREFIX) && profileName.length() > PROFILE_PREFIX.length()
                ? Optional.of(profileName.substring(PROFILE_PREFIX.length())) : Optional.empty();
    }

    /** The profile of namespace {@code namespace} with the namespace's {@code labels}. */
    public static ProfileResource profile(String namespace, Map<String, String> labels) {
        Map<String, String> apply = new TreeMap<>();
        labels.forEach((key, value) -> apply.put(LABEL_PREFIX + key, value));
        apply.put(LABEL_PREFIX + NAME_LABEL, namespace);
        return new ProfileResource(ResourceMetadata.named(profileName(namespace)), new ProfileSpec(
                List.of(PolicyRule.of(PolicyRule.ALLOW)), List.of(PolicyRule.of(PolicyRule.ALLOW)), apply));
    }

    /** The namespace labels a namespace profile carries (its {@code pcns.} labels, prefix removed, name label dropped). */
    public static Map<String, String> namespaceLabels(ProfileResource profile) {
        Map<String, String> labels = new TreeMap<>();
        profile.spec().labelsToApply().forEach((key, value) -> {
            if (key.startsWith(LABEL_PREFIX) && !key.equals(LABEL_PREFIX + NAME_LABEL)) {
                labels.put(key.substring(LABEL_PREFIX.length()), value);
            }
        });
        return labels;
    }
}
