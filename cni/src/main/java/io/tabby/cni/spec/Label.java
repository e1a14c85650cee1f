package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

/** One workload label from {@code args.cni.labels} (the CNI conventions' key/value list). */
public record Label(String key, String value) {
    public Label {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("label key is empty");
        }
    }
}
