package io.tabby.datastore.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.UnknownFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes JSON the way Go's {@code encoding/json} does, one helper per Go field shape: plain
 * fields, {@code omitempty} fields ({@code ...IfSet}), nil-able fields written as {@code null}
 * ({@code ...OrNull}), and string maps with sorted keys.
 */
final class JsonOut {

    private final JsonGenerator generator;
    private final GoJson json;

    JsonOut(JsonGenerator generator, GoJson json) {
        this.generator = generator;
        this.json = json;
    }

    void startObject() {
        io(() -> generator.writeStartObject());
    }

    void endObject() {
        io(() -> generator.writeEndObject());
    }

    void startArray() {
        io(() -> generator.writeStartArray());
    }

    void endArray() {
        io(() -> generator.writeEndArray());
    }

    void name(String name) {
        io(() -> generator.writeFieldName(name));
    }

    void value(String value) {
        io(() -> generator.writeString(value));
    }

    void value(long value) {
        io(() -> generator.writeNumber(value));
    }

    void value(boolean value) {
        io(() -> generator.writeBoolean(value));
    }

    void nullValue() {
        io(() -> generator.writeNull());
    }

    void goFloat(double value) {
        io(() -> generator.writeNumber(GoFloats.format(value)));
    }

    void tree(JsonNode node) {
        io(() -> generator.writeTree(node));
    }

    void string(String name, String value) {
        name(name);
        value(value);
    }

    void stringOrNull(String name, String value) {
        name(name);
        if (value == null) {
            nullValue();
        } else {
            value(value);
        }
    }

    /** An {@code omitempty} string: written only when non-null and non-empty. */
    void stringIfSet(String name, String value) {
        if (value != null && !value.isEmpty()) {
            string(name, value);
        }
    }

    /** A presence-tracked string: written when non-null, even if empty. */
    void stringIfPresent(String name, String value) {
        if (value != null) {
            string(name, value);
        }
    }

    void bool(String name, boolean value) {
        name(name);
        value(value);
    }

    /** A presence-tracked bool: written when non-null. */
    void boolIfPresent(String name, Boolean value) {
        if (value != null) {
            bool(name, value);
        }
    }

    /** An {@code omitempty} bool: written only when true. */
    void boolIfTrue(String name, boolean value) {
        if (value) {
            bool(name, true);
        }
    }

    void number(String name, long value) {
        name(name);
        value(value);
    }

    void numberIfPresent(String name, Integer value) {
        if (value != null) {
            number(name, value);
        }
    }

    void goFloatIfPresent(String name, Double value) {
        if (value != null) {
            name(name);
            goFloat(value);
        }
    }

    /** A list of anything printable as a JSON string via {@code toString}. */
    void strings(String name, Collection<?> values) {
        name(name);
        stringArray(values);
    }

    void stringsOrNull(String name, Collection<?> values) {
        if (values == null) {
            name(name);
            nullValue();
        } else {
            strings(name, values);
        }
    }

    /** An {@code omitempty} list. */
    void stringsIfSet(String name, Collection<?> values) {
        if (!values.isEmpty()) {
            strings(name, values);
        }
    }

    void stringArray(Collection<?> values) {
        startArray();
        for (Object value : values) {
            value(value.toString());
        }
        endArray();
    }

    /** An {@code omitempty} list of objects, each written by {@code writer}. */
    <T> void objectsIfSet(String name, List<T> values, Consumer<T> writer) {
        if (!values.isEmpty()) {
            name(name);
            startArray();
            values.forEach(writer);
            endArray();
        }
    }

    void stringMap(String name, Map<String, String> map) {
        name(name);
        sortedStringMap(map);
    }

    void stringMapOrNull(String name, Map<String, String> map) {
        if (map == null) {
            name(name);
            nullValue();
        } else {
            stringMap(name, map);
        }
    }

    /** An {@code omitempty} map. */
    void stringMapIfSet(String name, Map<String, String> map) {
        if (!map.isEmpty()) {
            stringMap(name, map);
        }
    }

    /** A map with keys in Go's order: byte order of their UTF-8, which is code point order. */
    void sortedStringMap(Map<String, String> map) {
        startObject();
        for (String key : sortedKeys(map)) {
            string(key, map.get(key));
        }
        endObject();
    }

    /** The fields another writer added, after the known ones. */
    void unknown(UnknownFields unknown) {
        unknown.fields().forEach((name, text) -> {
            name(name);
            io(() -> generator.writeRawValue(text));
        });
    }

    GoJson json() {
        return json;
    }

    static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(JsonOut::compareCodePoints);
        return keys;
    }

    /** Orders strings by Unicode code point, as Go compares its (UTF-8) map keys. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
