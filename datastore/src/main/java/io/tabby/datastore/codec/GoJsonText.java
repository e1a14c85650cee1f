package io.tabby.datastore.codec;

import io.tabby.datastore.model.UnknownFields;
import java.util.Arrays;
import java.util.Map;

/**
 * A growable buffer of JSON text as Go's {@code encoding/json} writes it, for the hot encoders
 * that skip Jackson's generator (an IPAM block is encoded on every assignment). Characters go
 * straight into one {@code char[]}, room made once per piece, not per character. The escapes
 * are exactly {@link GoCharacterEscapes}' as Jackson applies them: {@code \n}, {@code \r},
 * {@code \t}, {@code \"} and {@code \\} as two characters; the other control characters,
 * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code u} and four lower-case
 * hex digits; everything else (lone surrogates included) as is. One instance per encoding.
 */
final class GoJsonText {

    private static final String HEX = "0123456789abcdef";

    /** The longest a character can become: {@code \}{@code u} and four hex digits. */
    private static final int MAX_ESCAPED = 6;

    /** Maps up to this size are sorted by insertion. */
    private static final int SMALL_MAP = 12;

    private char[] chars;
    private int length;

    GoJsonText(int capacityHint) {
        chars = new char[Math.max(16, capacityHint)];
    }

    /** Appends {@code text} as it is: JSON punctuation, or a value that is JSON text already. */
    GoJsonText raw(String text) {
        int n = text.length();
        room(n);
        text.getChars(0, n, chars, length);
        length += n;
        return this;
    }

    GoJsonText raw(char c) {
        room(1);
        chars[length++] = c;
        return this;
    }

    /**
     * Appends {@code text} as a quoted, escaped JSON string. Most strings need no escape: they
     * are copied in bulk and checked in place, and only from the first character that needs
     * one is the rest written character by character.
     */
    GoJsonText quote(String text) {
        int n = text.length();
        room(n * MAX_ESCAPED + 2);
        char[] out = chars;
        int start = length + 1;
        out[length] = '"';
        text.getChars(0, n, out, start);
        int at = start;
        int end = start + n;
        while (at < end && !needsEscape(out[at])) {
            at++;
        }
        for (int i = at - start; i < n; i++) {
            char c = text.charAt(i);
            if (needsEscape(c)) {
                at = escape(out, at, c);
            } else {
                out[at++] = c;
            }
        }
        out[at++] = '"';
        length = at;
        return this;
    }

    /** Appends {@code text} quoted, or {@code null} for null. */
    GoJsonText quoteOrNull(String text) {
        return text == null ? raw("null") : quote(text);
    }

    GoJsonText number(int value) {
        if (value < 0) {
            return raw(Integer.toString(value));
        }
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        room(digits);
        int rest = value;
        for (int at = length + digits - 1; at >= length; at--) {
            chars[at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
        return this;
    }

    GoJsonText bool(boolean value) {
        return raw(value ? "true" : "false");
    }

    /**
     * Appends a string map as a JSON object with its keys in Go's order. The small maps IPAM
     * writes (a handful of attributes per allocation, one map per allocation in a block) are
     * insertion-sorted into two arrays in one pass over the entries; larger ones are sorted
     * by the library.
     */
    GoJsonText stringMap(Map<String, String> map) {
        int size = map.size();
        String[] keys = new String[size];
        String[] values = new String[size];
        if (size <= SMALL_MAP) {
            int filled = 0;
            for (Map.Entry<String, String> entry : map.entrySet()) {
                String key = entry.getKey();
                int at = filled++;
                while (at > 0 && compareCodePoints(keys[at - 1], key) > 0) {
                    keys[at] = keys[at - 1];
                    values[at] = values[at - 1];
                    at--;
                }
                keys[at] = key;
                values[at] = entry.getValue();
            }
        } else {
            map.keySet().toArray(keys);
            Arrays.sort(keys, GoJsonText::compareCodePoints);
            for (int i = 0; i < size; i++) {
                values[i] = map.get(keys[i]);
            }
        }
        raw('{');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                raw(',');
            }
            quote(keys[i]).raw(':').quote(values[i]);
        }
        return raw('}');
    }

    /** The fields another writer added, each as {@code ,"name":value}, values as read. */
    GoJsonText unknownFields(UnknownFields unknown) {
        unknown.fields().forEach((name, text) -> raw(',').quote(name).raw(':').raw(text));
        return this;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    private void room(int more) {
        if (chars.length - length < more) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    private static boolean needsEscape(char c) {
        if (c < 0x80) {
            return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&';
        }
        return c == '\u2028' || c == '\u2029';
    }

    private static int escape(char[] out, int at, char c) {
        out[at++] = '\\';
        switch (c) {
            case '\n' -> out[at++] = 'n';
            case '\r' -> out[at++] = 'r';
            case '\t' -> out[at++] = 't';
            case '"' -> out[at++] = '"';
            case '\\' -> out[at++] = '\\';
            default -> {
                out[at++] = 'u';
                out[at++] = HEX.charAt((c >> 12) & 0xf);
                out[at++] = HEX.charAt((c >> 8) & 0xf);
                out[at++] = HEX.charAt((c >> 4) & 0xf);
                out[at++] = HEX.charAt(c & 0xf);
            }
        }
        return at;
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
                return plain ? Integer.compare(ca, cb) : JsonOut.compareCodePoints(a, b);
            }
        }
        if (common > 0 && Character.isHighSurrogate(a.charAt(common - 1))) {
            return JsonOut.compareCodePoints(a, b);
        }
        return Integer.compare(a.length(), b.length());
    }
}
