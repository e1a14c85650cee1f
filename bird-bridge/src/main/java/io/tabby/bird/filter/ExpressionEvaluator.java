package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.FilterExpr;
import io.tabby.bird.config.NetPrefix;
import java.util.Optional;

/** Evaluates expressions over the route being filtered; function calls go back to the interpreter. */
final class ExpressionEvaluator {

    /** Runs a function for its value; the interpreter supplies it. */
    interface Calls {
        Optional<FilterValue> call(String function) throws FilterRuntimeException, Decided;
    }

    /** A function called inside an expression decided the whole filter. */
    static final class Decided extends Exception {
        final Flow.Decide decision;

        Decided(Flow.Decide decision) {
            super(null, null, false, false);
            this.decision = decision;
        }
    }

    private final Calls calls;

    ExpressionEvaluator(Calls calls) {
        this.calls = requireNonNull(calls, "calls is null");
    }

    FilterValue evaluate(FilterExpr expr, FilterRoute route) throws FilterRuntimeException, Decided {
        return switch (expr) {
            case FilterExpr.Attribute attribute -> read(attribute.name(), route);
            case FilterExpr.Defined defined -> new FilterValue.Bool(
                    defined.attribute().equals("net") || defined.attribute().equals("proto")
                            || route.attributes().containsKey(defined.attribute()));
            case FilterExpr.NumberLiteral number -> new FilterValue.Num(number.value());
            case FilterExpr.BoolLiteral bool -> new FilterValue.Bool(bool.value());
            case FilterExpr.StringLiteral string -> new FilterValue.Str(string.value());
            case FilterExpr.AddressLiteral address -> new FilterValue.Ip(address.address());
            case FilterExpr.PrefixLiteral prefix -> new FilterValue.Prefix(prefix.prefix());
            case FilterExpr.PrefixSet set -> new FilterValue.PrefixSet(set.patterns());
            case FilterExpr.Call call -> calls.call(call.function()).orElseThrow(() ->
                    new FilterRuntimeException("function " + call.function() + "() returned no value"));
            case FilterExpr.Not not -> new FilterValue.Bool(!bool(evaluate(not.operand(), route), "!"));
            case FilterExpr.Binary binary -> binary(binary, route);
        };
    }

    boolean test(FilterExpr expr, FilterRoute route) throws FilterRuntimeException, Decided {
        return bool(evaluate(expr, route), "condition");
    }

    private FilterValue binary(FilterExpr.Binary binary, FilterRoute route) throws FilterRuntimeException, Decided {
        FilterExpr.Operator op = binary.operator();
        if (op == FilterExpr.Operator.AND || op == FilterExpr.Operator.OR) {
            boolean left = bool(evaluate(binary.left(), route), op.symbol());
            if (left == (op == FilterExpr.Operator.OR)) {
                return new FilterValue.Bool(left);
            }
            return new FilterValue.Bool(bool(evaluate(binary.right(), route), op.symbol()));
        }
        FilterValue left = evaluate(binary.left(), route);
        FilterValue right = evaluate(binary.right(), route);
        return new FilterValue.Bool(switch (op) {
            case EQ -> equal(left, right);
            case NE -> !equal(left, right);
            case LT -> compare(left, right, op) < 0;
            case LE -> compare(left, right, op) <= 0;
            case GT -> compare(left, right, op) > 0;
            case GE -> compare(left, right, op) >= 0;
            case MATCH -> match(left, right);
            case NOT_MATCH -> !match(left, right);
            case AND, OR -> throw new IllegalStateException("handled above");
        });
    }

    private static FilterValue read(String name, FilterRoute route) throws FilterRuntimeException {
        if (name.equals("net")) {
            return new FilterValue.Prefix(route.net());
        }
        if (name.equals("proto")) {
            return new FilterValue.Str(route.protocol());
        }
        FilterValue value = route.attributes().get(name);
        if (value == null) {
            throw new FilterRuntimeException("attribute " + name + " is not defined on route " + route.net()
                    + " (test it with defined(" + name + ") first)");
        }
        return value;
    }

    private static boolean bool(FilterValue value, String where) throws FilterRuntimeException {
        if (value instanceof FilterValue.Bool(boolean b)) {
            return b;
        }
        throw new FilterRuntimeException(where + " needs a bool, got " + value.typeName());
    }

    private static boolean equal(FilterValue left, FilterValue right) throws FilterRuntimeException {
        if (left.getClass() != right.getClass()) {
            throw mismatch("=", left, right);
        }
        return left.equals(right);
    }

    private static int compare(FilterValue left, FilterValue right, FilterExpr.Operator op) throws FilterRuntimeException {
        if (left instanceof FilterValue.Num(long a) && right instanceof FilterValue.Num(long b)) {
            return Long.compare(a, b);
        }
        if (left instanceof FilterValue.Str(String a) && right instanceof FilterValue.Str(String b)) {
            return a.compareTo(b);
        }
        throw mismatch(op.symbol(), left, right);
    }

    private static boolean match(FilterValue left, FilterValue right) throws FilterRuntimeException {
        NetPrefix subject = switch (left) {
            case FilterValue.Prefix(NetPrefix p) -> p;
            case FilterValue.Ip(java.net.InetAddress a) -> PrefixMatch.host(a);
            default -> null;
        };
        if (subject != null && right instanceof FilterValue.Prefix(NetPrefix outer)) {
            return PrefixMatch.within(subject, outer);
        }
        if (subject != null && right instanceof FilterValue.PrefixSet(var patterns)) {
            return PrefixMatch.inSet(subject, patterns);
        }
        if (left instanceof FilterValue.Str(String text) && right instanceof FilterValue.Str(String pattern)) {
            return ShellPattern.matches(text, pattern);
        }
        throw mismatch("~", left, right);
    }

    private static FilterRuntimeException mismatch(String op, FilterValue left, FilterValue right) {
        return new FilterRuntimeException("cannot apply '" + op + "' to " + left.typeName() + " and " + right.typeName());
    }
}
