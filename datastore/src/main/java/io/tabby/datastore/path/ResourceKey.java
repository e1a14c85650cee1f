package io.tabby.datastore.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Quote;
import java.util.Set;

/**
 * {@code /calico/resources/v3/projectcalico.org/<plural>/<name>} for a cluster-scoped kind,
 * {@code .../<plural>/<namespace>/<name>} for a namespaced one. The value is the whole
 * resource as JSON ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}).
 *
 * @param plural the lower-case plural kind, e.g. {@code ippools}
 * @param namespace the namespace for a namespaced kind, else null
 * @param name the stored name (policies carry their tier prefix, e.g. {@code default.allow-dns})
 */
public record ResourceKey(String plural, String namespace, String name) implements Key<JsonNode> {

    /** The namespaced kinds of the v3 API; every other plural is cluster-scoped. */
    public static final Set<String> NAMESPACED_PLURALS =
            Set.of("networkpolicies", "networksets", "workloadendpoints", "stagednetworkpolicies",
                    "stagedkubernetesnetworkpolicies");

    public ResourceKey {
        Segments.requirePlain(plural, "resource kind");
        if (!plural.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            throw new IllegalArgumentException("resource kind " + Quote.of(plural) + " is not a lower-case plural");
        }
        if (NAMESPACED_PLURALS.contains(plural) && namespace == null) {
            throw new IllegalArgumentException(plural + " are namespaced; the namespace is missing");
        }
        if (namespace != null) {
            if (!NAMESPACED_PLURALS.contains(plural)) {
                throw new IllegalArgumentException(plural + " are cluster-scoped; they have no namespace");
            }
            Segments.requirePlain(namespace, "namespace");
        }
        Segments.requirePlain(name, "resource name");
    }

    /** A key of a cluster-scoped kind. */
    public static ResourceKey cluster(String plural, String name) {
        return new ResourceKey(plural, null, name);
    }

    /** A key of a namespaced kind. */
    public static ResourceKey namespaced(String plural, String namespace, String name) {
        return new ResourceKey(plural, namespace, name);
    }
}
