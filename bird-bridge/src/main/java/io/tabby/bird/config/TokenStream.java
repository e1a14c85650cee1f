package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The tokens of a configuration with its includes spliced in, plus the small matching helpers the
 * parsers share. {@code include "name";} is resolved against the directory of the including file,
 * as BIRD does; cycles, missing files and nesting deeper than BIRD's limit of 8 are refused.
 */
final class TokenStream {

    private static final int MAX_INCLUDE_DEPTH = 8;

    private record Open(Lexer lexer, Path path) {}

    private final ConfigFiles files;
    private final Deque<Open> open = new ArrayDeque<>();
    private Token lookahead;

    TokenStream(ConfigFiles files, Path root) throws BirdConfigException {
        this.files = requireNonNull(files, "files is null");
        push(root, new SourcePosition(root.toString(), 1, 1), "configuration file");
    }

    Token peek() throws BirdConfigException {
        if (lookahead == null) {
            lookahead = fetch();
        }
        return lookahead;
    }

    Token next() throws BirdConfigException {
        Token token = peek();
        if (token.kind() != Token.Kind.END) {
            lookahead = null;
        }
        return token;
    }

    boolean acceptWord(String word) throws BirdConfigException {
        if (peek().isWord(word)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol) throws BirdConfigException {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    void expectWord(String word) throws BirdConfigException {
        Token token = next();
        if (!token.isWord(word)) {
            throw unexpected(token, "'" + word + "'");
        }
    }

    void expectSymbol(String symbol) throws BirdConfigException {
        Token token = next();
        if (!token.isSymbol(symbol)) {
            throw unexpected(token, "'" + symbol + "'");
        }
    }

    /** A name: a letter or underscore, then letters, digits and underscores. */
    Token expectName(String what) throws BirdConfigException {
        Token token = next();
        if (token.kind() != Token.Kind.WORD || !token.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw unexpected(token, what);
        }
        return token;
    }

    Token expectString(String what) throws BirdConfigException {
        Token token = next();
        if (token.kind() != Token.Kind.STRING) {
            throw unexpected(token, what);
        }
        return token;
    }

    static BirdConfigException unexpected(Token token, String expected) {
        return new BirdConfigException(token.position(), "expected " + expected + ", found " + token.describe());
    }

    private Token fetch() throws BirdConfigException {
        while (true) {
            Open current = open.peek();
            Token token = current.lexer().next();
            if (token.kind() == Token.Kind.END) {
                if (open.size() == 1) {
                    return token;
                }
                open.pop();
            } else if (token.isWord("include")) {
                include(current, token);
            } else {
                return token;
            }
        }
    }

    private void include(Open current, Token keyword) throws BirdConfigException {
        Token name = current.lexer().next();
        if (name.kind() != Token.Kind.STRING) {
            throw unexpected(name, "a quoted file name after 'include'");
        }
        Token semicolon = current.lexer().next();
        if (!semicolon.isSymbol(";")) {
            throw unexpected(semicolon, "';' after the include file name");
        }
        if (name.text().isEmpty() || name.text().indexOf('*') >= 0 || name.text().indexOf('?') >= 0) {
            throw new BirdConfigException(name.position(),
                    "include \"" + name.text() + "\": Tabby includes one named file, not patterns; list each file");
        }
        Path target;
        try {
            target = current.path().resolveSibling(name.text()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new BirdConfigException(name.position(), "include \"" + name.text() + "\" is not a valid file name");
        }
        push(target, keyword.position(), "included file");
    }

    private void push(Path path, SourcePosition where, String what) throws BirdConfigException {
        if (open.size() >= MAX_INCLUDE_DEPTH) {
            throw new BirdConfigException(where, "includes nested deeper than " + MAX_INCLUDE_DEPTH + " files");
        }
        for (Open o : open) {
            if (o.path().equals(path)) {
                throw new BirdConfigException(where, "include cycle: " + path + " is already being read");
            }
        }
        String text;
        try {
            text = files.read(path);
        } catch (IOException | RuntimeException e) {
            throw new BirdConfigException(where, "cannot read " + what + " " + path + ": " + reason(e));
        }
        if (text == null) {
            throw new BirdConfigException(where, "cannot read " + what + " " + path);
        }
        open.push(new Open(new Lexer(path.toString(), text), path));
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
