package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one decode call needs besides the text: the key's path, for error messages, and the
 * shared JSON setup, for writing unknown fields back to text.
 */
record Decoding(String keyPath, GoJson json) {

    MalformedValueException error(String field, String problem) {
        return new MalformedValueException(keyPath, field, problem, null);
    }

    MalformedValueException error(String field, String problem, Throwable cause) {
        return new MalformedValueException(keyPath, field, problem, cause);
    }

    /** "is a string, expected an integer" and the like. */
    MalformedValueException wrongType(String field, JsonNode actual, String expected) {
        return error(field, "is " + describe(actual) + ", expected " + expected);
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
