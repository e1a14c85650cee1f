package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON fields of a stored document that Tabby does not model, in the order they were read,
 * each as its compact JSON text. Codecs write them back after the known fields, so that a
 * read-modify-write through Tabby never drops what another writer (a newer Calico, an
 * operator's script) added.
 *
 * @param fields field name to compact JSON value text, in document order
 */
public record UnknownFields(Map<String, String> fields) {

    /** No unknown fields. */
    public static final UnknownFields NONE = new UnknownFields(Map.of());

    public UnknownFields {
        requireNonNull(fields, "fields is null");
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((name, json) -> {
            requireNonNull(name, "field name is null");
            requireNonNull(json, "value of field " + name + " is null");
            if (json.isBlank()) {
                throw new IllegalArgumentException("value of field " + name + " is blank; expected JSON text");
            }
            copy.put(name, json);
        });
        fields = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
