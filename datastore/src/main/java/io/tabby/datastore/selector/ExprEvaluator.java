package io.tabby.datastore.selector;

import java.util.List;
import java.util.function.Function;

/**
 * Decides whether a label set matches a tree. One lookup per label test, no allocation,
 * no regular expressions; {@code &&} and {@code ||} stop at the first operand that decides.
 * A label is missing when the lookup returns null.
 */
final class ExprEvaluator {

    private ExprEvaluator() {
    }

    static boolean matches(Expr expr, Function<? super String, String> labels) {
        return switch (expr) {
            case Expr.All all -> true;
            case Expr.Global global -> true;
            case Expr.Has has -> labels.apply(has.key()) != null;
            case Expr.Equal equal -> equal.value().equals(labels.apply(equal.key()));
            case Expr.NotEqual notEqual -> !notEqual.value().equals(labels.apply(notEqual.key()));
            case Expr.Contains contains -> {
                String value = labels.apply(contains.key());
                yield value != null && value.contains(contains.value());
            }
            case Expr.StartsWith startsWith -> {
                String value = labels.apply(startsWith.key());
                yield value != null && value.startsWith(startsWith.value());
            }
            case Expr.EndsWith endsWith -> {
                String value = labels.apply(endsWith.key());
                yield value != null && value.endsWith(endsWith.value());
            }
            case Expr.In in -> {
                String value = labels.apply(in.key());
                yield value != null && in.values().contains(value);
            }
            case Expr.NotIn notIn -> {
                String value = labels.apply(notIn.key());
                yield value == null || !notIn.values().contains(value);
            }
            case Expr.Not not -> !matches(not.operand(), labels);
            case Expr.And and -> all(and.operands(), labels);
            case Expr.Or or -> any(or.operands(), labels);
        };
    }

    private static boolean all(List<Expr> operands, Function<? super String, String> labels) {
        for (Expr operand : operands) {
            if (!matches(operand, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(List<Expr> operands, Function<? super String, String> labels) {
        for (Expr operand : operands) {
            if (matches(operand, labels)) {
                return true;
            }
        }
        return false;
    }
}
