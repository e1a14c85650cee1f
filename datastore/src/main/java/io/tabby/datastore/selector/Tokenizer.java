package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

/**
 * Splits selector text into tokens on demand, with the rules of Calico's tokenizer:
 * <ul>
 *   <li>space and tab are the only whitespace (a newline is an unexpected character);
 *   <li>strings run from a {@code "} or {@code '} to the next identical quote, with no escapes;
 *   <li>right after a label key, a word is read as an operator by prefix: {@code contains},
 *       {@code starts} [spaces] {@code with}, {@code ends} [spaces] {@code with}, {@code not}
 *       [spaces] {@code in}, {@code in} (so {@code a notin {...}} and {@code a startswith "x"}
 *       are accepted, as in Calico);
 *   <li>anywhere else, {@code has(}, {@code all(} and {@code global(} (no space before the
 *       parenthesis) start those functions, and any other run of key characters is a label key,
 *       so a key may be called {@code in}, {@code not} or {@code has}.
 * </ul>
 * Problems become one {@link TokenKind#ERROR} token that ends the stream; the parser reports
 * it when it gets there.
 */
final class Tokenizer {

    private static final String OPERATORS = "an operator (==, !=, in, not in, contains, starts with, ends with)";

    private final String text;
    private int pos;
    private TokenKind last;

    Tokenizer(String text) {
        this.text = requireNonNull(text, "text is null");
    }

    Token next() {
        Token token = read();
        last = token.kind();
        return token;
    }

    private Token read() {
        skipWhitespace();
        if (pos >= text.length()) {
            return Token.of(TokenKind.EOF, text.length());
        }
        int start = pos;
        char c = text.charAt(pos);
        return switch (c) {
            case '(' -> single(TokenKind.LPAREN);
            case ')' -> single(TokenKind.RPAREN);
            case '{' -> single(TokenKind.LBRACE);
            case '}' -> single(TokenKind.RBRACE);
            case ',' -> single(TokenKind.COMMA);
            case '"', '\'' -> string(c);
            case '=' -> pair('=', TokenKind.EQ, null, "'=='");
            case '!' -> pair('=', TokenKind.NE, TokenKind.NOT, null);
            case '&' -> pair('&', TokenKind.AND, null, "'&&'");
            case '|' -> pair('|', TokenKind.OR, null, "'||'");
            default -> last == TokenKind.LABEL ? operatorWord(start) : word(start);
        };
    }

    private Token single(TokenKind kind) {
        return Token.of(kind, pos++);
    }

    /** A two-character operator, or the one-character one ({@code !}), or an error. */
    private Token pair(char second, TokenKind pairKind, TokenKind singleKind, String expected) {
        int start = pos;
        if (start + 1 < text.length() && text.charAt(start + 1) == second) {
            pos += 2;
            return Token.of(pairKind, start);
        }
        if (singleKind != null) {
            pos++;
            return Token.of(singleKind, start);
        }
        return Token.error("unexpected '" + text.charAt(start) + "'", expected, start);
    }

    private Token string(char quote) {
        int start = pos;
        int close = text.indexOf(quote, start + 1);
        if (close < 0) {
            return Token.error("unterminated string", "a closing " + quote + " to end the string", start);
        }
        pos = close + 1;
        return Token.of(TokenKind.STRING, text.substring(start + 1, close), start);
    }

    /** After a label key only an operator may follow; its words match by prefix, as in Calico. */
    private Token operatorWord(int start) {
        if (text.startsWith("contains", pos)) {
            pos += "contains".length();
            return Token.of(TokenKind.CONTAINS, start);
        }
        if (text.startsWith("starts", pos)) {
            return secondWord("starts", "with", TokenKind.STARTS_WITH, start);
        }
        if (text.startsWith("ends", pos)) {
            return secondWord("ends", "with", TokenKind.ENDS_WITH, start);
        }
        if (text.startsWith("not", pos)) {
            return secondWord("not", "in", TokenKind.NOT_IN, start);
        }
        if (text.startsWith("in", pos)) {
            pos += "in".length();
            return Token.of(TokenKind.IN, start);
        }
        return Token.error("unexpected " + shownAt(pos), OPERATORS, pos);
    }

    private Token secondWord(String first, String second, TokenKind kind, int start) {
        pos += first.length();
        skipWhitespace();
        if (text.startsWith(second, pos)) {
            pos += second.length();
            return Token.of(kind, start);
        }
        return Token.error("unexpected " + shownAt(pos), "'" + second + "' after '" + first + "'", pos);
    }

    /** Anything not after a label: a function, a label key, or an unexpected character. */
    private Token word(int start) {
        if (text.startsWith("has(", pos)) {
            return has(start);
        }
        if (text.startsWith("all(", pos)) {
            return emptyCall("all(", TokenKind.ALL, start);
        }
        if (text.startsWith("global(", pos)) {
            return emptyCall("global(", TokenKind.GLOBAL, start);
        }
        int end = LabelKeySyntax.endOfKey(text, pos);
        if (end == pos) {
            // The parser knows what it wanted here; let it say so.
            return Token.error("unexpected " + shownAt(pos), null, pos);
        }
        return key(start, end, TokenKind.LABEL);
    }

    private Token has(int start) {
        pos += "has(".length();
        skipWhitespace();
        int keyStart = pos;
        int end = LabelKeySyntax.endOfKey(text, pos);
        if (end == keyStart) {
            return Token.error("unexpected " + shownAt(pos), "a label key inside has(...)", pos);
        }
        Token key = key(keyStart, end, TokenKind.HAS);
        if (key.kind() == TokenKind.ERROR) {
            return key;
        }
        skipWhitespace();
        if (pos >= text.length() || text.charAt(pos) != ')') {
            return Token.error("unexpected " + shownAt(pos), "')' to close has(", pos);
        }
        pos++;
        return Token.of(TokenKind.HAS, key.text(), start);
    }

    private Token emptyCall(String opening, TokenKind kind, int start) {
        pos += opening.length();
        skipWhitespace();
        if (pos >= text.length() || text.charAt(pos) != ')') {
            return Token.error("unexpected " + shownAt(pos), "')' to close " + opening, pos);
        }
        pos++;
        return Token.of(kind, start);
    }

    private Token key(int start, int end, TokenKind kind) {
        if (end - start > LabelKeySyntax.MAX_LENGTH) {
            return Token.error("label key of " + (end - start) + " characters",
                    "a label key of at most " + LabelKeySyntax.MAX_LENGTH + " characters", start);
        }
        pos = end;
        return Token.of(kind, text.substring(start, end), start);
    }

    private void skipWhitespace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** Names what is at {@code index} for a message: "end", a word, or one character. */
    private String shownAt(int index) {
        if (index >= text.length()) {
            return "end";
        }
        int end = LabelKeySyntax.endOfKey(text, index);
        if (end > index) {
            String word = text.substring(index, Math.min(end, index + 40));
            return "\"" + word + (end > index + 40 ? "..." : "") + "\"";
        }
        int codePoint = text.codePointAt(index);
        if (codePoint < 0x20 || codePoint == 0x7f) {
            return String.format("character U+%04X", codePoint);
        }
        return "character '" + new String(Character.toChars(codePoint)) + "'";
    }
}
