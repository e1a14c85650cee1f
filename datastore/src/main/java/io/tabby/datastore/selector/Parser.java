package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over Calico's grammar, one token of look-ahead:
 * <pre>
 *   selector  = [ or ] EOF                       (empty text is all())
 *   or        = and { "||" and }
 *   and       = operation { "&amp;&amp;" operation }
 *   operation = { "!" } ( has(k) | all() | global() | "(" or ")" | k op )
 *   op        = ("==" | "!=" | "contains" | "starts with" | "ends with") string
 *             | ("in" | "not in") "{" [ string { "," string } [ "," ] ] "}"
 * </pre>
 * Repeated {@code !} collapse to one or none, a single operand is not wrapped in an
 * and/or node, and a trailing comma inside a set is accepted: all as Calico's parser does.
 * Parentheses may nest {@value #MAX_DEPTH} deep, which keeps the recursion far from the
 * thread's stack limit whatever the input.
 */
final class Parser {

    static final int MAX_DEPTH = 100;

    private static final String OPERAND = "a label expression";
    private static final String OPERATORS = "an operator (==, !=, in, not in, contains, starts with, ends with)";

    private final String text;
    private final Tokenizer tokenizer;
    private Token current;
    private int depth;

    Parser(String text) {
        this.text = requireNonNull(text, "text is null");
        this.tokenizer = new Tokenizer(text);
        this.current = tokenizer.next();
    }

    Expr parseSelector() {
        if (current.kind() == TokenKind.EOF) {
            return new Expr.All();
        }
        Expr expr = parseOr();
        if (current.kind() != TokenKind.EOF) {
            throw unexpected("'&&', '||' or the end of the selector");
        }
        return expr;
    }

    private Expr parseOr() {
        List<Expr> operands = new ArrayList<>(2);
        operands.add(parseAnd());
        while (current.kind() == TokenKind.OR) {
            advance();
            operands.add(parseAnd());
        }
        return operands.size() == 1 ? operands.getFirst() : new Expr.Or(operands);
    }

    private Expr parseAnd() {
        List<Expr> operands = new ArrayList<>(2);
        operands.add(parseOperation());
        while (current.kind() == TokenKind.AND) {
            advance();
            operands.add(parseOperation());
        }
        return operands.size() == 1 ? operands.getFirst() : new Expr.And(operands);
    }

    private Expr parseOperation() {
        boolean negated = false;
        while (current.kind() == TokenKind.NOT) {
            negated = !negated;
            advance();
        }
        Expr operation = switch (current.kind()) {
            case HAS -> {
                Expr has = new Expr.Has(current.text());
                advance();
                yield has;
            }
            case ALL -> {
                advance();
                yield new Expr.All();
            }
            case GLOBAL -> {
                advance();
                yield new Expr.Global();
            }
            case LPAREN -> parseGroup();
            case LABEL -> parseLabelOperation();
            default -> throw unexpected(OPERAND);
        };
        return negated ? Expr.not(operation) : operation;
    }

    private Expr parseGroup() {
        if (depth == MAX_DEPTH) {
            throw SelectorParseException.at(text, current.start(), "parentheses nested more than "
                    + MAX_DEPTH + " deep", "a simpler selector");
        }
        depth++;
        advance();
        Expr inner = parseOr();
        if (current.kind() != TokenKind.RPAREN) {
            throw unexpected("'&&', '||' or ')'");
        }
        advance();
        depth--;
        return inner;
    }

    private Expr parseLabelOperation() {
        String key = current.text();
        advance();
        return switch (current.kind()) {
            case EQ -> new Expr.Equal(key, valueAfterOperator());
            case NE -> new Expr.NotEqual(key, valueAfterOperator());
            case CONTAINS -> new Expr.Contains(key, valueAfterOperator());
            case STARTS_WITH -> new Expr.StartsWith(key, valueAfterOperator());
            case ENDS_WITH -> new Expr.EndsWith(key, valueAfterOperator());
            case IN -> new Expr.In(key, setAfterOperator());
            case NOT_IN -> new Expr.NotIn(key, setAfterOperator());
            default -> throw unexpected(OPERATORS);
        };
    }

    private String valueAfterOperator() {
        advance();
        if (current.kind() != TokenKind.STRING) {
            throw unexpected("a quoted string");
        }
        String value = current.text();
        advance();
        return value;
    }

    /** {@code { "a", "b" }}; empty and trailing-comma sets are accepted, as in Calico. */
    private Set<String> setAfterOperator() {
        advance();
        if (current.kind() != TokenKind.LBRACE) {
            throw unexpected("'{' starting a set of quoted strings");
        }
        advance();
        Set<String> values = new HashSet<>();
        boolean afterValue = false;
        while (current.kind() == TokenKind.STRING) {
            values.add(current.text());
            advance();
            afterValue = true;
            if (current.kind() != TokenKind.COMMA) {
                break;
            }
            advance();
            afterValue = false;
        }
        if (current.kind() != TokenKind.RBRACE) {
            throw unexpected(afterValue ? "',' or '}'" : "a quoted string or '}'");
        }
        advance();
        return values;
    }

    private void advance() {
        current = tokenizer.next();
    }

    /** The error for finding {@link #current} where {@code expected} should have been. */
    private SelectorParseException unexpected(String expected) {
        return switch (current.kind()) {
            case ERROR -> SelectorParseException.at(text, current.start(), current.text(),
                    current.expected() != null ? current.expected() : expected);
            case EOF -> SelectorParseException.at(text, current.start(), "unexpected end", expected);
            default -> SelectorParseException.at(text, current.start(), "unexpected " + current.shown(), expected);
        };
    }
}
