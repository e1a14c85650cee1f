package io.tabby.cni.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses one strict RFC 8259 JSON text. Stateless; {@link #INSTANCE} is shared. Beyond the grammar
 * it refuses duplicate member names (which value wins is otherwise undefined), unpaired UTF-16
 * surrogates in escapes and nesting deeper than {@link #MAX_DEPTH}, so hostile input can neither
 * overflow the stack nor be read two ways.
 */
public final class JsonReader {
    public static final JsonReader INSTANCE = new JsonReader();
    public static final int MAX_DEPTH = 64;

    private JsonReader() {
    }

    public JsonValue parse(String text) throws JsonParseException {
        JsonCursor c = new JsonCursor(text);
        c.skipWhitespace();
        JsonValue value = value(c, 0);
        c.skipWhitespace();
        if (!c.atEnd()) {
            throw c.error("unexpected '" + c.printable(c.peek()) + "' after the end of the JSON value");
        }
        return value;
    }

    private static JsonValue value(JsonCursor c, int depth) throws JsonParseException {
        if (c.atEnd()) {
            throw c.error("unexpected end of input, expected a JSON value");
        }
        char ch = c.peek();
        return switch (ch) {
            case '{' -> object(c, depth + 1);
            case '[' -> array(c, depth + 1);
            case '"' -> new JsonString(JsonStringScanner.read(c));
            case 't' -> c.literal("true", JsonBoolean.TRUE);
            case 'f' -> c.literal("false", JsonBoolean.FALSE);
            case 'n' -> c.literal("null", JsonNull.INSTANCE);
            default -> {
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    yield number(c);
                }
                throw c.error("unexpected '" + c.printable(ch) + "', expected a JSON value");
            }
        };
    }

    private static JsonObject object(JsonCursor c, int depth) throws JsonParseException {
        checkDepth(c, depth);
        c.pos++; // '{'
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        c.skipWhitespace();
        if (!c.atEnd() && c.peek() == '}') {
            c.pos++;
            return new JsonObject(members);
        }
        while (true) {
            c.skipWhitespace();
            if (c.atEnd() || c.peek() != '"') {
                throw c.error(c.atEnd() ? "unexpected end of input, expected a member name"
                        : "unexpected '" + c.printable(c.peek()) + "', expected a member name in double quotes");
            }
            int nameAt = c.pos;
            String name = JsonStringScanner.read(c);
            if (members.containsKey(name)) {
                c.pos = nameAt;
                throw c.error("duplicate member name \"" + name + "\"");
            }
            c.skipWhitespace();
            c.expect(':', "':' after a member name");
            c.skipWhitespace();
            members.put(name, value(c, depth));
            c.skipWhitespace();
            if (c.atEnd()) {
                throw c.error("unexpected end of input, expected ',' or '}'");
            }
            char ch = c.peek();
            c.pos++;
            if (ch == '}') {
                return new JsonObject(members);
            }
            if (ch != ',') {
                c.pos--;
                throw c.error("unexpected '" + c.printable(ch) + "', expected ',' or '}'");
            }
        }
    }

    private static JsonArray array(JsonCursor c, int depth) throws JsonParseException {
        checkDepth(c, depth);
        c.pos++; // '['
        List<JsonValue> elements = new ArrayList<>();
        c.skipWhitespace();
        if (!c.atEnd() && c.peek() == ']') {
            c.pos++;
            return new JsonArray(elements);
        }
        while (true) {
            c.skipWhitespace();
            elements.add(value(c, depth));
            c.skipWhitespace();
            if (c.atEnd()) {
                throw c.error("unexpected end of input, expected ',' or ']'");
            }
            char ch = c.peek();
            c.pos++;
            if (ch == ']') {
                return new JsonArray(elements);
            }
            if (ch != ',') {
                c.pos--;
                throw c.error("unexpected '" + c.printable(ch) + "', expected ',' or ']'");
            }
        }
    }

    private static JsonNumber number(JsonCursor c) throws JsonParseException {
        int start = c.pos;
        if (c.peek() == '-') {
            c.pos++;
        }
        if (c.atEnd() || !isDigit(c.peek())) {
            throw c.error("expected a digit in a number");
        }
        if (c.peek() == '0') {
            c.pos++;
            if (!c.atEnd() && isDigit(c.peek())) {
                throw c.error("leading zero in a number");
            }
        } else {
            digits(c);
        }
        if (!c.atEnd() && c.peek() == '.') {
            c.pos++;
            if (c.atEnd() || !isDigit(c.peek())) {
                throw c.error("expected a digit after the decimal point");
            }
            digits(c);
        }
        if (!c.atEnd() && (c.peek() == 'e' || c.peek() == 'E')) {
            c.pos++;
            if (!c.atEnd() && (c.peek() == '+' || c.peek() == '-')) {
                c.pos++;
            }
            if (c.atEnd() || !isDigit(c.peek())) {
                throw c.error("expected a digit in the exponent");
            }
            digits(c);
        }
        return new JsonNumber(c.text.substring(start, c.pos));
    }

    private static void digits(JsonCursor c) {
        while (!c.atEnd() && isDigit(c.peek())) {
            c.pos++;
        }
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static void checkDepth(JsonCursor c, int depth) throws JsonParseException {
        if (depth > MAX_DEPTH) {
            throw c.error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }
}
