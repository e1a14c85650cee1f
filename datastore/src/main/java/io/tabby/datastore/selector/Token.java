package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

/**
 * One token of selector text.
 *
 * @param kind what it is
 * @param text the label key ({@link TokenKind#LABEL}, {@link TokenKind#HAS}), the string's
 *     value without quotes ({@link TokenKind#STRING}), the problem ({@link TokenKind#ERROR}),
 *     otherwise empty
 * @param expected for {@link TokenKind#ERROR} only: what the tokenizer expected instead, or
 *     null when the parser knows better (an unexpected character)
 * @param start char index in the selector where the token (or the problem) starts
 */
record Token(TokenKind kind, String text, String expected, int start) {

    Token {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        if (start < 0) {
            throw new IllegalArgumentException("start " + start + " is negative");
        }
    }

    static Token of(TokenKind kind, int start) {
        return new Token(kind, "", null, start);
    }

    static Token of(TokenKind kind, String text, int start) {
        return new Token(kind, text, null, start);
    }

    static Token error(String problem, String expected, int start) {
        return new Token(TokenKind.ERROR, problem, expected, start);
    }

    /** How an error message names what it found here ("unexpected " + this). */
    String shown() {
        return switch (kind) {
            case LABEL -> "label \"" + text + "\"";
            case STRING -> "string " + quote(text);
            case HAS -> "has(" + text + ")";
            default -> kind.shown();
        };
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder();
        StringLiteral.append(out, value);
        return out.toString();
    }
}
