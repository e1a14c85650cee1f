package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Splits one file into tokens. A word is a run of letters, digits, {@code _}, {@code .} and
 * {@code :}, so names, numbers and IPv4/IPv6 addresses are all words (the parser tells them
 * apart); an address followed by {@code /digits} is one prefix word. Strings have no escapes and
 * end on the same line, as in BIRD 1.6.
 */
final class Lexer {

    private static final Set<String> TWO_CHAR_SYMBOLS = Set.of("&&", "||", "!=", "<=", ">=", "!~");
    private static final String ONE_CHAR_SYMBOLS = "{}()[];,-+=~!<>*/";

    private final String file;
    private final String text;
    private int index;
    private int line = 1;
    private int column = 1;

    Lexer(String file, String text) {
        this.file = requireNonNull(file, "file is null");
        this.text = requireNonNull(text, "text is null");
    }

    String file() {
        return file;
    }

    Token next() throws BirdConfigException {
        skipBlanksAndComments();
        SourcePosition start = here();
        if (index >= text.length()) {
            return new Token(Token.Kind.END, "", start);
        }
        char c = text.charAt(index);
        if (isWordChar(c)) {
            return new Token(Token.Kind.WORD, word(), start);
        }
        if (c == '"') {
            return new Token(Token.Kind.STRING, string(start), start);
        }
        if (index + 1 < text.length() && TWO_CHAR_SYMBOLS.contains(text.substring(index, index + 2))) {
            String symbol = text.substring(index, index + 2);
            advance(2);
            return new Token(Token.Kind.SYMBOL, symbol, start);
        }
        if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
            advance(1);
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
        }
        throw new BirdConfigException(start, "unexpected character " + printable(c));
    }

    private String word() {
        int begin = index;
        while (index < text.length() && isWordChar(text.charAt(index))) {
            advance(1);
        }
        String word = text.substring(begin, index);
        boolean addressLike = word.indexOf('.') >= 0 || word.indexOf(':') >= 0;
        if (addressLike && index + 1 < text.length() && text.charAt(index) == '/'
                && isDigit(text.charAt(index + 1))) {
            advance(1);
            while (index < text.length() && isDigit(text.charAt(index))) {
                advance(1);
            }
        }
        return text.substring(begin, index);
    }

    private String string(SourcePosition start) throws BirdConfigException {
        advance(1);
        int begin = index;
        while (index < text.length() && text.charAt(index) != '"' && text.charAt(index) != '\n') {
            advance(1);
        }
        if (index >= text.length() || text.charAt(index) != '"') {
            throw new BirdConfigException(start, "unterminated string: add the closing '\"' on the same line");
        }
        String value = text.substring(begin, index);
        advance(1);
        return value;
    }

    private void skipBlanksAndComments() throws BirdConfigException {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance(1);
            } else if (c == '#') {
                while (index < text.length() && text.charAt(index) != '\n') {
                    advance(1);
                }
            } else if (c == '/' && index + 1 < text.length() && text.charAt(index + 1) == '*') {
                SourcePosition start = here();
                int end = text.indexOf("*/", index + 2);
                if (end < 0) {
                    throw new BirdConfigException(start, "unterminated comment: add the closing '*/'");
                }
                advance(end + 2 - index);
            } else {
                return;
            }
        }
    }

    private void advance(int count) {
        for (int i = 0; i < count; i++) {
            if (text.charAt(index) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            index++;
        }
    }

    private SourcePosition here() {
        return new SourcePosition(file, line, column);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '.' || c == ':';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
