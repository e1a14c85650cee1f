package io.tabby.cni.json;

/**
 * The position in one JSON text being read, with the small moves every rule needs and the
 * error that names line, column and offset. One per parse; never shared.
 */
final class JsonCursor {
    final String text;
    int pos;

    JsonCursor(String text) {
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

    JsonValue literal(String word, JsonValue value) throws JsonParseException {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal, expected '" + word + "'");
        }
        pos += word.length();
        return value;
    }

    void expect(char ch, String what) throws JsonParseException {
        if (atEnd()) {
            throw error("unexpected end of input, expected " + what);
        }
        if (peek() != ch) {
            throw error("unexpected '" + printable(peek()) + "', expected " + what);
        }
        pos++;
    }

    String printable(char ch) {
        return ch < 0x20 || ch == 0x7f || Character.isSurrogate(ch) ? "U+" + hex(ch) : String.valueOf(ch);
    }

    static String hex(char ch) {
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
