package io.tabby.datastore.selector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Prints a tree as Calico's canonical selector string, the text Felix hashes into ip-set ids:
 * {@code k == "v"} with single spaces around operators, values in double quotes (single when
 * the value holds a double quote), set values sorted and joined by {@code ", "}, every
 * {@code &&} and {@code ||} group wrapped in parentheses (also at the top), {@code !} written
 * straight before its operand.
 */
final class CanonicalForm {

    private CanonicalForm() {
    }

    static String of(Expr expr) {
        StringBuilder out = new StringBuilder();
        append(out, expr);
        return out.toString();
    }

    private static void append(StringBuilder out, Expr expr) {
        switch (expr) {
            case Expr.All all -> out.append("all()");
            case Expr.Global global -> out.append("global()");
            case Expr.Has has -> out.append("has(").append(has.key()).append(')');
            case Expr.Equal equal -> compare(out, equal.key(), " == ", equal.value());
            case Expr.NotEqual notEqual -> compare(out, notEqual.key(), " != ", notEqual.value());
            case Expr.Contains contains -> compare(out, contains.key(), " contains ", contains.value());
            case Expr.StartsWith startsWith -> compare(out, startsWith.key(), " starts with ", startsWith.value());
            case Expr.EndsWith endsWith -> compare(out, endsWith.key(), " ends with ", endsWith.value());
            case Expr.In in -> set(out, in.key(), " in {", in.values());
            case Expr.NotIn notIn -> set(out, notIn.key(), " not in {", notIn.values());
            case Expr.Not not -> append(out.append('!'), not.operand());
            case Expr.And and -> group(out, and.operands(), " && ");
            case Expr.Or or -> group(out, or.operands(), " || ");
        }
    }

    private static void compare(StringBuilder out, String key, String operator, String value) {
        out.append(key).append(operator);
        StringLiteral.append(out, value);
    }

    private static void set(StringBuilder out, String key, String opening, Collection<String> values) {
        out.append(key).append(opening);
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(CanonicalForm::compareCodePoints);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            StringLiteral.append(out, sorted.get(i));
        }
        out.append('}');
    }

    private static void group(StringBuilder out, List<Expr> operands, String operator) {
        out.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(operator);
            }
            append(out, operands.get(i));
        }
        out.append(')');
    }

    /**
     * Calico sorts set values as Go strings, byte by byte in UTF-8, which is code point order.
     * {@link String#compareTo} compares UTF-16 units and differs for characters beyond U+FFFF.
     */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
