package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One entry of a block's {@code attributes}: the owner of one or more allocated ordinals.
 * Ordinals allocated with the same handle and secondary attributes share one entry.
 *
 * @param handleId {@code handle_id}; null is written as JSON null
 * @param secondary {@code secondary} (in v3: {@code node}, {@code namespace}, {@code pod},
 *     {@code type}, {@code timestamp}); null is written as JSON null
 * @param unknown fields Tabby does not model
 */
public record AllocationAttribute(String handleId, Map<String, String> secondary, UnknownFields unknown) {

    public AllocationAttribute {
        secondary = secondary == null ? null : Map.copyOf(secondary);
        requireNonNull(unknown, "unknown is null");
    }

    public AllocationAttribute(String handleId, Map<String, String> secondary) {
        this(handleId, secondary, UnknownFields.NONE);
    }
}
