package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

/**
 * One lexical token.
 *
 * @param kind what sort of token
 * @param text a word as written (keyword, name, number, address or prefix), a string's contents
 *     without quotes, or a symbol such as {@code ;} or {@code &&}; empty at the end
 * @param position where the token starts
 */
record Token(Kind kind, String text, SourcePosition position) {

    enum Kind { WORD, STRING, SYMBOL, END }

    Token {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(position, "position is null");
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case WORD -> "'" + text + "'";
            case STRING -> "string \"" + text + "\"";
            case SYMBOL -> "'" + text + "'";
            case END -> "end of file";
        };
    }
}
