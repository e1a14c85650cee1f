package io.tabby.cni.json;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON object whose members keep their source (or insertion) order. */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
        requireNonNull(members, "members is null");
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> copy.put(requireNonNull(k, "member name is null"),
                requireNonNull(v, "value of '" + k + "' is null")));
        members = Collections.unmodifiableMap(copy);
    }

    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    public boolean has(String name) {
        return members.containsKey(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an object member by member, in order; a later put of the same name replaces. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        public Builder put(String name, JsonValue value) {
            members.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonString(value));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        public Builder putStrings(String name, List<String> values) {
            return put(name, JsonArray.ofStrings(values));
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
