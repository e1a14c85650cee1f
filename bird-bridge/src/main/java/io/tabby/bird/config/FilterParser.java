package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses filter and function bodies: {@code if/then/else}, {@code accept}, {@code reject},
 * {@code return}, function calls, attribute assignments, and expressions over route attributes,
 * literals, prefix sets, {@code defined()}, {@code !}, {@code &&}, {@code ||}, comparisons and
 * {@code ~}. Functions must be defined before they are called, as in BIRD.
 */
final class FilterParser {

    /** Attributes a filter may read: the route's own plus the BGP and kernel ones BIRD 1.6 has. */
    static final Set<String> READABLE = Set.of("net", "gw", "from", "proto", "source", "dest", "scope",
            "preference", "ifname", "ifindex", "bgp_next_hop", "bgp_path", "bgp_local_pref", "bgp_med",
            "bgp_origin", "bgp_community", "bgp_large_community", "bgp_ext_community", "bgp_originator_id",
            "bgp_cluster_list", "bgp_atomic_aggr", "krt_prefsrc", "krt_realm", "krt_metric", "krt_source");

    /** Attributes a filter may set ({@code krt_tunnel} is Calico's BIRD fork; Tabby accepts it). */
    static final Set<String> WRITABLE = Set.of("gw", "dest", "preference", "bgp_next_hop", "bgp_path",
            "bgp_local_pref", "bgp_med", "bgp_origin", "bgp_community", "bgp_large_community",
            "krt_prefsrc", "krt_realm", "krt_metric", "krt_tunnel");

    private static final Map<String, FilterExpr.Operator> OPERATORS = Map.of(
            "&&", FilterExpr.Operator.AND, "||", FilterExpr.Operator.OR, "=", FilterExpr.Operator.EQ,
            "!=", FilterExpr.Operator.NE, "<", FilterExpr.Operator.LT, "<=", FilterExpr.Operator.LE,
            ">", FilterExpr.Operator.GT, ">=", FilterExpr.Operator.GE, "~", FilterExpr.Operator.MATCH,
            "!~", FilterExpr.Operator.NOT_MATCH);

    private static final int MAX_NESTING = 64;

    private final TokenStream tokens;
    private final Set<String> functions;
    private final RouterFamily family;
    private int nesting;

    /**
     * @param functions the names of the functions defined so far
     * @param family the daemon's address family; literals of the other family are refused
     */
    FilterParser(TokenStream tokens, Set<String> functions, RouterFamily family) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.family = requireNonNull(family, "family is null");
        this.functions = requireNonNull(functions, "functions is null");
    }

    /** Statements up to and including the closing brace; the opening one is already read. */
    List<FilterStatement> block() throws BirdConfigException {
        Token open = tokens.peek();
        if (++nesting > MAX_NESTING) {
            throw new BirdConfigException(open.position(), "filter nested deeper than " + MAX_NESTING + " levels: simplify it");
        }
        List<FilterStatement> body = new ArrayList<>();
        while (!tokens.acceptSymbol("}")) {
            body.add(statement());
        }
        nesting--;
        return body;
    }

    /** An expression; for {@code where} clauses too. */
    FilterExpr expression() throws BirdConfigException {
        Token start = tokens.peek();
        if (++nesting > MAX_NESTING) {
            throw new BirdConfigException(start.position(), "filter nested deeper than " + MAX_NESTING + " levels: simplify it");
        }
        FilterExpr left = term();
        while (tokens.peek().kind() == Token.Kind.SYMBOL && OPERATORS.containsKey(tokens.peek().text())) {
            FilterExpr.Operator operator = OPERATORS.get(tokens.next().text());
            left = new FilterExpr.Binary(operator, left, term());
        }
        nesting--;
        return left;
    }

    private FilterStatement statement() throws BirdConfigException {
        Token token = tokens.next();
        if (++nesting > MAX_NESTING) {
            throw new BirdConfigException(token.position(), "filter nested deeper than " + MAX_NESTING + " levels: simplify it");
        }
        FilterStatement statement = statementAfter(token);
        nesting--;
        return statement;
    }

    private FilterStatement statementAfter(Token token) throws BirdConfigException {
        if (token.isWord("if")) {
            FilterExpr condition = expression();
            tokens.expectWord("then");
            List<FilterStatement> then = branch();
            List<FilterStatement> otherwise = tokens.acceptWord("else") ? branch() : List.of();
            return new FilterStatement.If(condition, then, otherwise);
        }
        if (token.isWord("accept") || token.isWord("reject")) {
            Optional<String> reason = tokens.peek().kind() == Token.Kind.STRING
                    ? Optional.of(tokens.next().text()) : Optional.empty();
            tokens.expectSymbol(";");
            return token.isWord("accept") ? new FilterStatement.Accept(reason) : new FilterStatement.Reject(reason);
        }
        if (token.isWord("return")) {
            Optional<FilterExpr> value = tokens.peek().isSymbol(";") ? Optional.empty() : Optional.of(expression());
            tokens.expectSymbol(";");
            return new FilterStatement.Return(value);
        }
        if (token.kind() == Token.Kind.WORD && tokens.peek().isSymbol("(")) {
            requireFunction(token);
            tokens.expectSymbol("(");
            tokens.expectSymbol(")");
            tokens.expectSymbol(";");
            return new FilterStatement.CallFunction(token.text());
        }
        if (token.kind() == Token.Kind.WORD && tokens.peek().isSymbol("=")) {
            if (!WRITABLE.contains(token.text())) {
                throw new BirdConfigException(token.position(), "cannot assign to '" + token.text()
                        + "' (Tabby supports: " + String.join(", ", new java.util.TreeSet<>(WRITABLE)) + ")");
            }
            tokens.next();
            FilterExpr value = expression();
            tokens.expectSymbol(";");
            return new FilterStatement.Assign(token.text(), value);
        }
        throw new BirdConfigException(token.position(), "unknown filter statement " + token.describe()
                + " (Tabby supports: if, accept, reject, return, function calls, attribute assignments)");
    }

    private List<FilterStatement> branch() throws BirdConfigException {
        if (tokens.acceptSymbol("{")) {
            return block();
        }
        return List.of(statement());
    }

    private FilterExpr term() throws BirdConfigException {
        Token token = tokens.next();
        if (token.isSymbol("(")) {
            FilterExpr inner = expression();
            tokens.expectSymbol(")");
            return inner;
        }
        if (token.isSymbol("!")) {
            if (++nesting > MAX_NESTING) {
                throw new BirdConfigException(token.position(), "filter nested deeper than " + MAX_NESTING + " levels: simplify it");
            }
            FilterExpr operand = term();
            nesting--;
            return new FilterExpr.Not(operand);
        }
        if (token.isSymbol("[")) {
            return prefixSet();
        }
        if (token.kind() == Token.Kind.STRING) {
            return new FilterExpr.StringLiteral(token.text());
        }
        if (token.kind() != Token.Kind.WORD) {
            throw TokenStream.unexpected(token, "an expression");
        }
        String text = token.text();
        if (text.equals("defined")) {
            tokens.expectSymbol("(");
            Token attribute = tokens.next();
            requireReadable(attribute);
            tokens.expectSymbol(")");
            return new FilterExpr.Defined(attribute.text());
        }
        if (text.equals("true") || text.equals("false")) {
            return new FilterExpr.BoolLiteral(text.equals("true"));
        }
        if (Character.isDigit(text.charAt(0)) && text.matches("[0-9]+")) {
            return new FilterExpr.NumberLiteral(Literals.number(token, 0, 0xffffffffL, "a number"));
        }
        if (Literals.looksLikePrefix(token)) {
            return new FilterExpr.PrefixLiteral(Literals.prefix(token, family));
        }
        if (text.indexOf('.') >= 0 || text.indexOf(':') >= 0) {
            return new FilterExpr.AddressLiteral(Literals.address(token, family));
        }
        if (tokens.peek().isSymbol("(")) {
            requireFunction(token);
            tokens.expectSymbol("(");
            tokens.expectSymbol(")");
            return new FilterExpr.Call(text);
        }
        requireReadable(token);
        return new FilterExpr.Attribute(text);
    }

    private FilterExpr prefixSet() throws BirdConfigException {
        List<PrefixPattern> patterns = new ArrayList<>();
        do {
            Token token = tokens.next();
            NetPrefix prefix = Literals.prefix(token, family);
            int max = prefix.isIpv4() ? 32 : 128;
            int low = prefix.length();
            int high = prefix.length();
            if (tokens.acceptSymbol("+")) {
                high = max;
            } else if (tokens.acceptSymbol("-")) {
                low = 0;
            } else if (tokens.acceptSymbol("{")) {
                Token lowToken = tokens.next();
                low = (int) Literals.number(lowToken, 0, max, "a prefix length");
                tokens.expectSymbol(",");
                high = (int) Literals.number(tokens.next(), 0, max, "a prefix length");
                tokens.expectSymbol("}");
                if (low > high || low < prefix.length()) {
                    throw new BirdConfigException(lowToken.position(), "invalid length range {" + low + "," + high
                            + "} for " + prefix + ": need " + prefix.length() + " <= low <= high");
                }
            }
            patterns.add(new PrefixPattern(prefix, low, high));
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol("]");
        return new FilterExpr.PrefixSet(patterns);
    }

    private void requireFunction(Token name) throws BirdConfigException {
        if (!functions.contains(name.text())) {
            throw new BirdConfigException(name.position(),
                    "unknown function '" + name.text() + "': define it with 'function " + name.text()
                            + "() { ... }' before it is used");
        }
    }

    private static void requireReadable(Token token) throws BirdConfigException {
        if (token.kind() != Token.Kind.WORD || !READABLE.contains(token.text())) {
            throw new BirdConfigException(token.position(), "unknown attribute " + token.describe()
                    + " (Tabby supports: " + String.join(", ", new java.util.TreeSet<>(READABLE)) + ")");
        }
    }
}
