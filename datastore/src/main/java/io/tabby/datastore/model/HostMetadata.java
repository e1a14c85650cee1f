package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A node's primary record at {@code /calico/v1/host/<node>/metadata}. Calico writes {@code {}};
 * Tabby adds the node's labels as {@code {"labels":{...}}} when it has any.
 *
 * @param labels {@code labels}; omitted when empty, written sorted by key
 * @param unknown fields Tabby does not model
 */
public record HostMetadata(Map<String, String> labels, UnknownFields unknown) {

    /** The plain {@code {}} record. */
    public static final HostMetadata EMPTY = new HostMetadata(Map.of(), UnknownFields.NONE);

    public HostMetadata {
        labels = Map.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(unknown, "unknown is null");
    }

    public HostMetadata(Map<String, String> labels) {
        this(labels, UnknownFields.NONE);
    }
}
