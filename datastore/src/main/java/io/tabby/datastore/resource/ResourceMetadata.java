package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The v3 {@code metadata} Tabby keeps.
 *
 * @param name the resource name
 * @param labels labels, sorted by key
 * @param annotations annotations, sorted by key
 * @param resourceVersion the etcd mod revision the resource was read at (the highest over its
 *     keys), as a decimal string; empty when not read from etcd. On replace, a non-empty value
 *     must still be current.
 * @param namespace the namespace of a namespaced kind (NetworkPolicy, WorkloadEndpoint); empty
 *     for cluster-scoped kinds
 */
public record ResourceMetadata(
        String name, Map<String, String> labels, Map<String, String> annotations, String resourceVersion,
        String namespace) {

    public ResourceMetadata {
        requireNonNull(name, "name is null");
        labels = sortedCopy(requireNonNull(labels, "labels is null"));
        annotations = sortedCopy(requireNonNull(annotations, "annotations is null"));
        requireNonNull(resourceVersion, "resourceVersion is null");
        requireNonNull(namespace, "namespace is null");
    }

    /** Metadata of a cluster-scoped resource. */
    public ResourceMetadata(
            String name, Map<String, String> labels, Map<String, String> annotations, String resourceVersion) {
        this(name, labels, annotations, resourceVersion, "");
    }

    /** Metadata with just a name. */
    public static ResourceMetadata named(String name) {
        return new ResourceMetadata(name, Map.of(), Map.of(), "", "");
    }

    /** Metadata with a namespace and a name. */
    public static ResourceMetadata namespaced(String namespace, String name) {
        return new ResourceMetadata(name, Map.of(), Map.of(), "", namespace);
    }

    public ResourceMetadata withResourceVersion(String version) {
        return new ResourceMetadata(name, labels, annotations, version, namespace);
    }

    public ResourceMetadata withLabels(Map<String, String> newLabels) {
        return new ResourceMetadata(name, newLabels, annotations, resourceVersion, namespace);
    }

    public ResourceMetadata withName(String newName) {
        return new ResourceMetadata(newName, labels, annotations, resourceVersion, namespace);
    }

    public ResourceMetadata withNamespace(String newNamespace) {
        return new ResourceMetadata(name, labels, annotations, resourceVersion, newNamespace);
    }

    private static Map<String, String> sortedCopy(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
