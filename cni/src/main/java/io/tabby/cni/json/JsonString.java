package io.tabby.cni.json;

import static java.util.Objects.requireNonNull;

/** A JSON string (already unescaped). */
public record JsonString(String value) implements JsonValue {
    public JsonString {
        requireNonNull(value, "value is null");
    }
}
