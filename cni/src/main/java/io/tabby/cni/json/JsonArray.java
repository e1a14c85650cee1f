package io.tabby.cni.json;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A JSON array. */
public record JsonArray(List<JsonValue> elements) implements JsonValue {
    public JsonArray {
        elements = List.copyOf(requireNonNull(elements, "elements is null"));
    }

    public static JsonArray ofStrings(List<String> values) {
        return new JsonArray(values.stream().<JsonValue>map(JsonString::new).toList());
    }
}
