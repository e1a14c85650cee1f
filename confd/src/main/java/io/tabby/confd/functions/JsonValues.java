package io.tabby.confd.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON text to plain values for templates, as Go's {@code encoding/json} into {@code interface{}}:
 * objects become maps iterated in key order (as Go's {@code range} over a map), arrays lists,
 * numbers numbers, {@code null} absent.
 */
final class JsonValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues() {}

    static Map<String, Object> object(String text) {
        JsonNode node = parse(text);
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType() + ": " + shorten(text));
        }
        return toMap(node);
    }

    static List<Object> array(String text) {
        JsonNode node = parse(text);
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a JSON array, got " + node.getNodeType() + ": " + shorten(text));
        }
        return toList(node);
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty value is not JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + "): " + shorten(text), e);
        }
    }

    private static Object toValue(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> toMap(node);
            case ARRAY -> toList(node);
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            case STRING -> node.textValue();
            case NULL, MISSING, BINARY, POJO -> null;
        };
    }

    private static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new TreeMap<>();
        node.properties().forEach(e -> {
            Object value = toValue(e.getValue());
            if (value != null) {
                map.put(e.getKey(), value);
            }
        });
        return map;
    }

    private static List<Object> toList(JsonNode node) {
        List<Object> list = new ArrayList<>();
        node.forEach(item -> list.add(toValue(item)));
        return list;
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? "'" + text + "'" : "'" + text.substring(0, 57) + "...'";
    }
}
