package io.tabby.cni.json;

/** The JSON literal {@code null}. */
public enum JsonNull implements JsonValue {
    INSTANCE
}
