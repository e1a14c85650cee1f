package io.tabby.cni.json;

/**
 * Reads one JSON string at the cursor (which stands on the opening quote): escapes, including
 * surrogate pairs written as two escaped UTF-16 units; unpaired surrogates and raw control
 * characters are errors.
 */
final class JsonStringScanner {
    private JsonStringScanner() {
    }

    static String read(JsonCursor c) throws JsonParseException {
        c.pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (c.atEnd()) {
                throw c.error("unexpected end of input inside a string");
            }
            char ch = c.text.charAt(c.pos);
            if (ch == '"') {
                c.pos++;
                return out.toString();
            }
            if (ch < 0x20) {
                throw c.error("control character " + c.printable(ch) + " inside a string (escape it)");
            }
            if (ch == '\\') {
                escape(c, out);
                continue;
            }
            if (Character.isHighSurrogate(ch)) {
                if (c.pos + 1 >= c.text.length() || !Character.isLowSurrogate(c.text.charAt(c.pos + 1))) {
                    throw c.error("unpaired UTF-16 surrogate inside a string");
                }
                out.append(ch).append(c.text.charAt(c.pos + 1));
                c.pos += 2;
                continue;
            }
            if (Character.isLowSurrogate(ch)) {
                throw c.error("unpaired UTF-16 surrogate inside a string");
            }
            out.append(ch);
            c.pos++;
        }
    }

    private static void escape(JsonCursor c, StringBuilder out) throws JsonParseException {
        if (c.pos + 1 >= c.text.length()) {
            c.pos++;
            throw c.error("unexpected end of input inside an escape");
        }
        char kind = c.text.charAt(c.pos + 1);
        switch (kind) {
            case '"', '\\', '/' -> out.append(kind);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4(c, c.pos + 2);
                if (Character.isHighSurrogate(unit)) {
                    int low = c.pos + 6;
                    if (low + 1 < c.text.length() && c.text.charAt(low) == '\\' && c.text.charAt(low + 1) == 'u') {
                        char second = hex4(c, low + 2);
                        if (Character.isLowSurrogate(second)) {
                            out.append(unit).append(second);
                            c.pos += 12;
                            return;
                        }
                    }
                    throw c.error("unpaired UTF-16 surrogate escape \\u" + JsonCursor.hex(unit));
                }
                if (Character.isLowSurrogate(unit)) {
                    throw c.error("unpaired UTF-16 surrogate escape \\u" + JsonCursor.hex(unit));
                }
                out.append(unit);
                c.pos += 6;
                return;
            }
            default -> {
                c.pos++;
                throw c.error("invalid escape '\\" + c.printable(kind) + "'");
            }
        }
        c.pos += 2;
    }

    private static char hex4(JsonCursor c, int from) throws JsonParseException {
        if (from + 4 > c.text.length()) {
            c.pos = Math.min(from, c.text.length());
            throw c.error("unexpected end of input inside a \\u escape");
        }
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(c.text.charAt(i), 16);
            if (d < 0) {
                c.pos = i;
                throw c.error("'" + c.printable(c.text.charAt(i)) + "' is not a hex digit in a \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }
}
