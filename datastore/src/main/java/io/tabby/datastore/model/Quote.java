package io.tabby.datastore.model;

/**
 * Puts user input in double quotes for error messages, escaping what would make the message
 * ambiguous (quotes, backslashes, control characters), so that an empty or blank input is
 * still visible.
 */
public final class Quote {

    private Quote() {}

    /** {@code text} in double quotes; {@code null} gives the bare word {@code null}. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
