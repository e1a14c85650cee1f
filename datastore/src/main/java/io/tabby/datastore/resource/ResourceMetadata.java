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
 */
public record ResourceMetadata(
        String name, Map<String, String> labels, Map<String, String> annotations, String resourceVersion) {

    public ResourceMetadata {
        requireNonNull(name, "name is null");
        labels = sortedCopy(requireNonNull(labels, "labels is null"));
        annotations = sortedCopy(requireNonNull(annotations, "annotations is null"));
        requireNonNull(resourceVersion, "resourceVersion is null");
    }

    /** Metadata with just a name. */
    public static ResourceMetadata named(String name) {
        return new ResourceMetadata(name, Map.of(), Map.of(), "");
    }

    public ResourceMetadata withResourceVersion(String version) {
        return new ResourceMetadata(name, labels, annotations, version);
    }

    public ResourceMetadata withLabels(Map<String, String> newLabels) {
        return new ResourceMetadata(name, newLabels, annotations, resourceVersion);
    }

    private static Map<String, String> sortedCopy(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
