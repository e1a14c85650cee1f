package io.tabby.datastore.codec;

import io.tabby.datastore.model.UnknownFields;

/**
 * Go's {@code encoding/json} string text written straight into a {@link StringBuilder}, for the
 * hot encoders that skip Jackson's generator (an IPAM block is encoded on every assignment).
 * The escapes are exactly {@link GoCharacterEscapes}' as Jackson applies them: {@code \n},
 * {@code \r}, {@code \t}, {@code \"} and {@code \\} as two characters; the other control
 * characters, {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code u} and four
 * lower-case hex digits; everything else (lone surrogates included) as is.
 */
final class GoJsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJsonText() {}

    /** Appends {@code text} as a quoted, escaped JSON string. */
    static void quote(StringBuilder out, String text) {
        out.append('"');
        int plainFrom = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                out.append(text, plainFrom, i);
                escape(out, c);
                plainFrom = i + 1;
            }
        }
        out.append(text, plainFrom, length).append('"');
    }

    /** Appends {@code text} quoted, or {@code null} for null. */
    static void quoteOrNull(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
        } else {
            quote(out, text);
        }
    }

    /** The fields another writer added, each as {@code ,"name":value}, values as read. */
    static void unknownFields(StringBuilder out, UnknownFields unknown) {
        unknown.fields().forEach((name, text) -> {
            out.append(',');
            quote(out, name);
            out.append(':').append(text);
        });
    }

    private static boolean needsEscape(char c) {
        if (c < 0x80) {
            return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&';
        }
        return c == '\u2028' || c == '\u2029';
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> out.append("\\u")
                    .append(HEX[(c >> 12) & 0xf])
                    .append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf])
                    .append(HEX[c & 0xf]);
        }
    }

    /**
     * Go's order of map keys: byte order of their UTF-8, which is code point order. Where the
     * first difference is between two characters outside any surrogate pair, that is plain
     * {@code char} order; only around surrogates does it walk code points.
     */
    static int compareCodePoints(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean plain = !Character.isSurrogate(ca) && !Character.isSurrogate(cb)
                        && (i == 0 || !Character.isHighSurrogate(a.charAt(i - 1)));
                return plain ? Integer.compare(ca, cb) : compareByCodePoint(a, b);
            }
        }
        if (common > 0 && Character.isHighSurrogate(a.charAt(common - 1))) {
            return compareByCodePoint(a, b);
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int compareByCodePoint(String a, String b) {
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
}
