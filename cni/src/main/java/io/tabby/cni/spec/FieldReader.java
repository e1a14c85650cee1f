package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.json.JsonArray;
import io.tabby.cni.json.JsonBoolean;
import io.tabby.cni.json.JsonNull;
import io.tabby.cni.json.JsonNumber;
import io.tabby.cni.json.JsonObject;
import io.tabby.cni.json.JsonString;
import io.tabby.cni.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed access to the members of one JSON object, failing with a {@link CniException} whose
 * message names the full path of the field ({@code ipam.ipv4_pools[1]}). A JSON {@code null}
 * counts as absent, as Go's decoder treats it.
 */
public record FieldReader(JsonObject object, String path, int errorCode) {
    public FieldReader {
        requireNonNull(object, "object is null");
        requireNonNull(path, "path is null");
    }

    public static FieldReader root(JsonObject object, int errorCode) {
        return new FieldReader(object, "", errorCode);
    }

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public CniException error(String fieldPath, String problem, String advice) {
        return new CniException(errorCode, fieldPath + ": " + problem, advice);
    }

    public Optional<JsonValue> get(String name) {
        return object.get(name).filter(v -> !(v instanceof JsonNull));
    }

    public Optional<String> optionalString(String name) throws CniException {
        Optional<JsonValue> v = get(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof JsonString s) {
            return Optional.of(s.value());
        }
        throw wrongKind(pathOf(name), "a string", v.get());
    }

    public String requiredString(String name, String advice) throws CniException {
        String value = optionalString(name).orElseThrow(() -> error(pathOf(name), "missing", advice));
        if (value.isEmpty()) {
            throw error(pathOf(name), "is empty", advice);
        }
        return value;
    }

    public OptionalLong optionalLong(String name) throws CniException {
        Optional<JsonValue> v = get(name);
        if (v.isEmpty()) {
            return OptionalLong.empty();
        }
        if (v.get() instanceof JsonNumber n) {
            OptionalLong exact = n.longValueExact();
            if (exact.isPresent()) {
                return exact;
            }
            throw error(pathOf(name), "'" + n.text() + "' is not a whole number", "write a plain integer");
        }
        throw wrongKind(pathOf(name), "a number", v.get());
    }

    /** A flag written either as a JSON boolean or, as Calico writes them, the string "true"/"false". */
    public Optional<Boolean> optionalFlag(String name) throws CniException {
        Optional<JsonValue> v = get(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        switch (v.get()) {
            case JsonBoolean b -> {
                return Optional.of(b.value());
            }
            case JsonString s when s.value().equals("true") -> {
                return Optional.of(true);
            }
            case JsonString s when s.value().equals("false") -> {
                return Optional.of(false);
            }
            default -> throw error(pathOf(name), "must be \"true\" or \"false\"",
                    "write \"true\" or \"false\" (Calico's form) or a JSON boolean");
        }
    }

    public Optional<FieldReader> optionalObject(String name) throws CniException {
        Optional<JsonValue> v = get(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.get() instanceof JsonObject o) {
            return Optional.of(new FieldReader(o, pathOf(name), errorCode));
        }
        throw wrongKind(pathOf(name), "an object", v.get());
    }

    /** The elements of an optional array; each element must be a JSON object. */
    public List<FieldReader> objectList(String name) throws CniException {
        List<FieldReader> out = new ArrayList<>();
        List<JsonValue> elements = array(name);
        for (int i = 0; i < elements.size(); i++) {
            String at = pathOf(name) + "[" + i + "]";
            if (!(elements.get(i) instanceof JsonObject o)) {
                throw wrongKind(at, "an object", elements.get(i));
            }
            out.add(new FieldReader(o, at, errorCode));
        }
        return out;
    }

    /** The elements of an optional array; each element must be a JSON string. */
    public List<String> stringList(String name) throws CniException {
        List<String> out = new ArrayList<>();
        List<JsonValue> elements = array(name);
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof JsonString s)) {
                throw wrongKind(pathOf(name) + "[" + i + "]", "a string", elements.get(i));
            }
            out.add(s.value());
        }
        return out;
    }

    private List<JsonValue> array(String name) throws CniException {
        Optional<JsonValue> v = get(name);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof JsonArray a) {
            return a.elements();
        }
        throw wrongKind(pathOf(name), "an array", v.get());
    }

    private CniException wrongKind(String fieldPath, String expected, JsonValue actual) {
        return error(fieldPath, "must be " + expected + ", not " + (actual.kind().equals("array")
                || actual.kind().equals("object") ? "an " : "a ") + actual.kind(), "fix the field's type");
    }
}
