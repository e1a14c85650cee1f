package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

/**
 * A selector that Calico's grammar does not accept. The message names the selector, what was
 * found, the 1-based column where it was found (one past the last character for "unexpected
 * end") and what the grammar expected there, for example
 * {@code selector "role == 'db' &&": unexpected end at column 16: expected a label expression}.
 */
public final class SelectorParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String selector;
    private final int column;
    private final String problem;
    private final String expected;

    SelectorParseException(String selector, int column, String problem, String expected) {
        super("selector " + quoted(selector) + ": " + problem + " at column " + column + ": expected " + expected);
        this.selector = requireNonNull(selector, "selector is null");
        this.column = column;
        this.problem = requireNonNull(problem, "problem is null");
        this.expected = requireNonNull(expected, "expected is null");
    }

    /** Builds the exception for a problem found at a char index of {@code selector}. */
    static SelectorParseException at(String selector, int index, String problem, String expected) {
        return new SelectorParseException(selector, selector.codePointCount(0, index) + 1, problem, expected);
    }

    /** The selector text as given. */
    public String selector() {
        return selector;
    }

    /** 1-based column, counted in characters (code points) of the selector text. */
    public int column() {
        return column;
    }

    /** What was found, e.g. {@code unexpected end} or {@code unterminated string}. */
    public String problem() {
        return problem;
    }

    /** What the grammar expected at {@link #column()}, e.g. {@code a quoted string}. */
    public String expected() {
        return expected;
    }

    /**
     * Quotes the selector for the message: in double quotes, or in single quotes when it holds
     * double quotes but no single ones (most selectors use double-quoted values, and
     * {@code 'role == "db"'} reads better than escapes). Control characters are shown escaped
     * so that the message stays on one line.
     */
    private static String quoted(String text) {
        char quote = text.indexOf('"') >= 0 && text.indexOf('\'') < 0 ? '\'' : '"';
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }
}
