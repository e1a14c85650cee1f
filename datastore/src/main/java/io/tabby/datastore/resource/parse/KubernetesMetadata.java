package io.tabby.datastore.resource.parse;

import java.util.List;
import java.util.Map;

/**
 * The {@code metadata} of a Kubernetes object: name, namespace and labels are used; what the API
 * server adds ({@code uid}, {@code resourceVersion}, {@code managedFields}, ...) and annotations
 * are accepted and ignored, so {@code kubectl get -o yaml} output applies as is.
 *
 * @param name {@code metadata.name}
 * @param namespace {@code metadata.namespace}, {@code default} when absent
 * @param labels {@code metadata.labels}
 */
record KubernetesMetadata(String name, String namespace, Map<String, String> labels) {
    private static final List<String> IGNORED = List.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "managedFields", "annotations", "selfLink", "finalizers", "ownerReferences", "deletionTimestamp",
            "deletionGracePeriodSeconds", "generateName");

    static KubernetesMetadata read(FieldReader document) {
        return document.object("metadata").map(metadata -> {
            String name = metadata.text("name");
            String namespace = metadata.text("namespace");
            Map<String, String> labels = metadata.textMap("labels");
            IGNORED.forEach(metadata::raw);
            metadata.rejectUnknown();
            if (name.isEmpty()) {
                metadata.violations().add(metadata.path("name"), "missing (every object needs a name)");
            }
            return new KubernetesMetadata(name, namespace.isEmpty() ? "default" : namespace, labels);
        }).orElseGet(() -> {
            document.violations().add("metadata", "missing (every object needs metadata.name)");
            return new KubernetesMetadata("", "default", Map.of());
        });
    }
}
