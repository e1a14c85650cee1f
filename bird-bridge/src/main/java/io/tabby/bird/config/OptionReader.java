package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the values that options of every protocol share: switches, times, debug and policies. */
final class OptionReader {

    static final List<String> DEBUG_CLASSES = List.of("states", "routes", "filters", "interfaces", "events", "packets");

    private final TokenStream tokens;
    private final Set<String> filters;
    private final FilterParser filterParser;
    private final RouterFamily family;

    /**
     * @param filters the names of the filters defined so far
     */
    OptionReader(TokenStream tokens, Set<String> filters, FilterParser filterParser, RouterFamily family) {
        this.family = requireNonNull(family, "family is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.filters = requireNonNull(filters, "filters is null");
        this.filterParser = requireNonNull(filterParser, "filterParser is null");
    }

    RouterFamily family() {
        return family;
    }

    TokenStream tokens() {
        return tokens;
    }

    /** An optional {@code on|off|yes|no} and the closing {@code ;}; a bare option means on. */
    boolean switchThenEnd() throws BirdConfigException {
        boolean value = true;
        Token token = tokens.peek();
        if (token.isWord("on") || token.isWord("yes")) {
            tokens.next();
        } else if (token.isWord("off") || token.isWord("no")) {
            tokens.next();
            value = false;
        }
        end();
        return value;
    }

    /** {@code time N;} after the option's leading words. */
    int timeThenEnd(long min, long max) throws BirdConfigException {
        tokens.expectWord("time");
        int value = seconds(min, max);
        end();
        return value;
    }

    int seconds(long min, long max) throws BirdConfigException {
        return (int) Literals.number(tokens.next(), min, max, "a time in seconds");
    }

    void end() throws BirdConfigException {
        tokens.expectSymbol(";");
    }

    /** {@code all|off|{ class, ... }} after {@code debug}, with the closing {@code ;}. */
    Set<String> debugThenEnd() throws BirdConfigException {
        Set<String> classes = new LinkedHashSet<>();
        if (tokens.acceptWord("all")) {
            classes.addAll(DEBUG_CLASSES);
        } else if (!tokens.acceptWord("off")) {
            tokens.expectSymbol("{");
            do {
                Token name = tokens.next();
                if (name.kind() != Token.Kind.WORD || !DEBUG_CLASSES.contains(name.text())) {
                    throw TokenStream.unexpected(name, "a debug class (" + String.join(", ", DEBUG_CLASSES) + ")");
                }
                classes.add(name.text());
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol("}");
        }
        end();
        return classes;
    }

    /** {@code all|none|filter NAME|where EXPR} after {@code import}/{@code export}, with the {@code ;}. */
    RoutePolicy policyThenEnd() throws BirdConfigException {
        Token token = tokens.next();
        RoutePolicy policy;
        if (token.isWord("all")) {
            policy = new RoutePolicy.All();
        } else if (token.isWord("none")) {
            policy = new RoutePolicy.None();
        } else if (token.isWord("filter")) {
            Token name = tokens.expectName("a filter name");
            if (!filters.contains(name.text())) {
                throw new BirdConfigException(name.position(), "unknown filter '" + name.text()
                        + "': define it with 'filter " + name.text() + " { ... }' before it is used");
            }
            policy = new RoutePolicy.Named(name.text());
        } else if (token.isWord("where")) {
            policy = new RoutePolicy.Where(filterParser.expression());
        } else {
            throw TokenStream.unexpected(token, "all, none, filter NAME or where EXPRESSION");
        }
        end();
        return policy;
    }
}
