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
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        JsonValue value = c.value(0);
        c.skipWhitespace();
        if (!c.atEnd()) {
            throw c.error("unexpected '" + c.printable(c.peek()) + "' after the end of the JSON value");
        }
        return value;
    }

    /** One pass over one text; not shared. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        void skipWhitespace() {
            while (!atEnd()) {
                char ch = peek();
                if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
                    return;
                }
                pos++;
            }
        }

        JsonValue value(int depth) throws JsonParseException {
            if (atEnd()) {
                throw error("unexpected end of input, expected a JSON value");
            }
            char ch = peek();
            return switch (ch) {
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case '"' -> new JsonString(string());
                case 't' -> literal("true", JsonBoolean.TRUE);
                case 'f' -> literal("false", JsonBoolean.FALSE);
                case 'n' -> literal("null", JsonNull.INSTANCE);
                default -> {
                    if (ch == '-' || (ch >= '0' && ch <= '9')) {
                        yield number();
                    }
                    throw error("unexpected '" + printable(ch) + "', expected a JSON value");
                }
            };
        }

        private JsonObject object(int depth) throws JsonParseException {
            checkDepth(depth);
            pos++; // '{'
            LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
            skipWhitespace();
            if (!atEnd() && peek() == '}') {
                pos++;
                return new JsonObject(members);
            }
            while (true) {
                skipWhitespace();
                if (atEnd() || peek() != '"') {
                    throw error(atEnd() ? "unexpected end of input, expected a member name"
                            : "unexpected '" + printable(peek()) + "', expected a member name in double quotes");
                }
                int nameAt = pos;
                String name = string();
                if (members.containsKey(name)) {
                    pos = nameAt;
                    throw error("duplicate member name \"" + name + "\"");
                }
                skipWhitespace();
                expect(':', "':' after a member name");
                skipWhitespace();
                members.put(name, value(depth));
                skipWhitespace();
                if (atEnd()) {
                    throw error("unexpected end of input, expected ',' or '}'");
                }
                char ch = peek();
                pos++;
                if (ch == '}') {
                    return new JsonObject(members);
                }
                if (ch != ',') {
                    pos--;
                    throw error("unexpected '" + printable(ch) + "', expected ',' or '}'");
                }
            }
        }

        private JsonArray array(int depth) throws JsonParseException {
            checkDepth(depth);
            pos++; // '['
            List<JsonValue> elements = new ArrayList<>();
            skipWhitespace();
            if (!atEnd() && peek() == ']') {
                pos++;
                return new JsonArray(elements);
            }
            while (true) {
                skipWhitespace();
                elements.add(value(depth));
                skipWhitespace();
                if (atEnd()) {
                    throw error("unexpected end of input, expected ',' or ']'");
                }
                char ch = peek();
                pos++;
                if (ch == ']') {
                    return new JsonArray(elements);
                }
                if (ch != ',') {
                    pos--;
                    throw error("unexpected '" + printable(ch) + "', expected ',' or ']'");
                }
            }
        }

        private String string() throws JsonParseException {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unexpected end of input inside a string");
                }
                char ch = text.charAt(pos);
                if (ch == '"') {
                    pos++;
                    return out.toString();
                }
                if (ch < 0x20) {
                    throw error("control character " + printable(ch) + " inside a string (escape it)");
                }
                if (ch == '\\') {
                    escape(out);
                    continue;
                }
                if (Character.isHighSurrogate(ch)) {
                    if (pos + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(pos + 1))) {
                        throw error("unpaired UTF-16 surrogate inside a string");
                    }
                    out.append(ch).append(text.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                if (Character.isLowSurrogate(ch)) {
                    throw error("unpaired UTF-16 surrogate inside a string");
                }
                out.append(ch);
                pos++;
            }
        }

        private void escape(StringBuilder out) throws JsonParseException {
            if (pos + 1 >= text.length()) {
                pos++;
                throw error("unexpected end of input inside an escape");
            }
            char kind = text.charAt(pos + 1);
            switch (kind) {
                case '"', '\\', '/' -> out.append(kind);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    char unit = hex4(pos + 2);
                    if (Character.isHighSurrogate(unit)) {
                        int low = pos + 6;
                        if (low + 1 < text.length() && text.charAt(low) == '\\' && text.charAt(low + 1) == 'u') {
                            char second = hex4(low + 2);
                            if (Character.isLowSurrogate(second)) {
                                out.append(unit).append(second);
                                pos += 12;
                                return;
                            }
                        }
                        throw error("unpaired UTF-16 surrogate escape \\u" + hex(unit));
                    }
                    if (Character.isLowSurrogate(unit)) {
                        throw error("unpaired UTF-16 surrogate escape \\u" + hex(unit));
                    }
                    out.append(unit);
                    pos += 6;
                    return;
                }
                default -> {
                    pos++;
                    throw error("invalid escape '\\" + printable(kind) + "'");
                }
            }
            pos += 2;
        }

        private char hex4(int from) throws JsonParseException {
            if (from + 4 > text.length()) {
                pos = Math.min(from, text.length());
                throw error("unexpected end of input inside a \\u escape");
            }
            int v = 0;
            for (int i = from; i < from + 4; i++) {
                int d = Character.digit(text.charAt(i), 16);
                if (d < 0) {
                    pos = i;
                    throw error("'" + printable(text.charAt(i)) + "' is not a hex digit in a \\u escape");
                }
                v = v * 16 + d;
            }
            return (char) v;
        }

        private JsonNumber number() throws JsonParseException {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (atEnd() || !isDigit(peek())) {
                throw error("expected a digit in a number");
            }
            if (peek() == '0') {
                pos++;
                if (!atEnd() && isDigit(peek())) {
                    throw error("leading zero in a number");
                }
            } else {
                digits();
            }
            if (!atEnd() && peek() == '.') {
                pos++;
                if (atEnd() || !isDigit(peek())) {
                    throw error("expected a digit after the decimal point");
                }
                digits();
            }
            if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
                pos++;
                if (!atEnd() && (peek() == '+' || peek() == '-')) {
                    pos++;
                }
                if (atEnd() || !isDigit(peek())) {
                    throw error("expected a digit in the exponent");
                }
                digits();
            }
            return new JsonNumber(text.substring(start, pos));
        }

        private void digits() {
            while (!atEnd() && isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char ch) {
            return ch >= '0' && ch <= '9';
        }

        private JsonValue literal(String word, JsonValue value) throws JsonParseException {
            if (!text.startsWith(word, pos)) {
                throw error("invalid literal, expected '" + word + "'");
            }
            pos += word.length();
            return value;
        }

        private void expect(char ch, String what) throws JsonParseException {
            if (atEnd()) {
                throw error("unexpected end of input, expected " + what);
            }
            if (peek() != ch) {
                throw error("unexpected '" + printable(peek()) + "', expected " + what);
            }
            pos++;
        }

        private void checkDepth(int depth) throws JsonParseException {
            if (depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels");
            }
        }

        String printable(char ch) {
            return ch < 0x20 || ch == 0x7f || Character.isSurrogate(ch) ? "U+" + hex(ch) : String.valueOf(ch);
        }

        private static String hex(char ch) {
            return String.format("%04X", (int) ch);
        }

        JsonParseException error(String problem) {
            int line = 1;
            int lineStart = 0;
            int end = Math.min(pos, text.length());
            for (int i = 0; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new JsonParseException(problem, end, line, end - lineStart + 1);
        }
    }
}
