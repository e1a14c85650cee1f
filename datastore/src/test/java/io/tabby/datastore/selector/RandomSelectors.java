package io.tabby.datastore.selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded generator of selector trees, of alternative (non-canonical) spellings of a tree,
 * and of label sets, for the property tests. Keys and values come from small pools so that
 * generated label sets hit generated selectors often.
 */
final class RandomSelectors {

    static final List<String> KEYS = List.of(
            "a", "b", "role", "in", "not", "has", "all", "contains", "projectcalico.org/namespace",
            "k8s-app", "x_y.z/w-9");
    static final List<String> VALUES = List.of(
            "", "x", "y", "db", "a b", " ", "it's", "say \"hi\"", "&&", ")", "{", "grüße", "\uD83D\uDE00", "x y");

    private final Random random;

    RandomSelectors(long seed) {
        this.random = new Random(seed);
    }

    Expr expr(int depth) {
        // Half of the nodes above the leaves are !, && or ||, so trees get some depth.
        int choice = depth > 0 && random.nextBoolean() ? 11 + random.nextInt(4) : random.nextInt(11);
        return switch (choice) {
            case 0 -> new Expr.All();
            case 1 -> new Expr.Global();
            case 2 -> new Expr.Has(key());
            case 3 -> new Expr.Equal(key(), value());
            case 4 -> new Expr.NotEqual(key(), value());
            case 5 -> new Expr.Contains(key(), value());
            case 6 -> new Expr.StartsWith(key(), value());
            case 7 -> new Expr.EndsWith(key(), value());
            case 8 -> new Expr.In(key(), values());
            case 9 -> new Expr.NotIn(key(), values());
            case 10 -> new Expr.Has(key());
            case 11, 12 -> Expr.not(expr(depth - 1));
            case 13 -> new Expr.And(operands(depth - 1));
            default -> new Expr.Or(operands(depth - 1));
        };
    }

    Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            labels.put(key(), value());
        }
        return labels;
    }

    String key() {
        return KEYS.get(random.nextInt(KEYS.size()));
    }

    String value() {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    Random random() {
        return random;
    }

    private Set<String> values() {
        Set<String> values = new HashSet<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            values.add(value());
        }
        return values;
    }

    private List<Expr> operands(int depth) {
        List<Expr> operands = new ArrayList<>();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            operands.add(expr(depth));
        }
        return operands;
    }

    /**
     * Writes {@code expr} the way a person might: random spaces and tabs, either quote where
     * possible, {@code !!} pairs, redundant parentheses, {@code startswith}, {@code notin},
     * unsorted and repeated set values, a trailing comma. Parsing it must give {@code expr}.
     */
    String spell(Expr expr) {
        StringBuilder out = new StringBuilder();
        spell(out, expr);
        return space() + out + space();
    }

    private void spell(StringBuilder out, Expr expr) {
        if (random.nextInt(8) == 0) {
            out.append("!!").append(space());
        }
        switch (expr) {
            case Expr.All all -> out.append("all(").append(space()).append(')');
            case Expr.Global global -> out.append("global(").append(space()).append(')');
            case Expr.Has has -> out.append("has(").append(space()).append(has.key()).append(space()).append(')');
            case Expr.Equal equal -> compare(out, equal.key(), "==", equal.value());
            case Expr.NotEqual notEqual -> compare(out, notEqual.key(), "!=", notEqual.value());
            case Expr.Contains contains -> compare(out, contains.key(), " contains ", contains.value());
            case Expr.StartsWith startsWith -> compare(out, startsWith.key(),
                    random.nextBoolean() ? " startswith" : " starts \t with ", startsWith.value());
            case Expr.EndsWith endsWith -> compare(out, endsWith.key(),
                    random.nextBoolean() ? " endswith" : " ends  with ", endsWith.value());
            case Expr.In in -> set(out, in.key(), " in", in.values());
            case Expr.NotIn notIn -> set(out, notIn.key(), random.nextBoolean() ? " notin" : " not\tin", notIn.values());
            case Expr.Not not -> {
                out.append('!').append(space());
                // An operand that is itself a group must keep its parentheses.
                boolean group = not.operand() instanceof Expr.And || not.operand() instanceof Expr.Or;
                spellMaybeParenthesised(out, not.operand(), group);
            }
            case Expr.And and -> group(out, and.operands(), "&&");
            case Expr.Or or -> group(out, or.operands(), "||");
        }
    }

    private void group(StringBuilder out, List<Expr> operands, String operator) {
        out.append('(').append(space());
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(space()).append(operator).append(space());
            }
            // Every and/or operand that is itself an and/or needs parentheses to keep its shape.
            Expr operand = operands.get(i);
            spellMaybeParenthesised(out, operand, operand instanceof Expr.And || operand instanceof Expr.Or);
        }
        out.append(space()).append(')');
    }

    private void spellMaybeParenthesised(StringBuilder out, Expr expr, boolean required) {
        // group(...) already wraps and/or in parentheses; add an extra pair now and then.
        if (!required && random.nextInt(6) == 0) {
            out.append('(').append(space());
            spell(out, expr);
            out.append(space()).append(')');
        } else {
            spell(out, expr);
        }
    }

    private void compare(StringBuilder out, String key, String operator, String value) {
        out.append(key).append(space()).append(operator).append(space());
        quote(out, value);
    }

    private void set(StringBuilder out, String key, String operator, Set<String> values) {
        out.append(key).append(operator).append(space()).append('{').append(space());
        List<String> spelled = new ArrayList<>(values);
        if (!spelled.isEmpty() && random.nextBoolean()) {
            spelled.add(spelled.get(random.nextInt(spelled.size())));
        }
        Collections.shuffle(spelled, random);
        for (int i = 0; i < spelled.size(); i++) {
            if (i > 0) {
                out.append(space()).append(',').append(space());
            }
            quote(out, spelled.get(i));
        }
        if (!spelled.isEmpty() && random.nextInt(4) == 0) {
            out.append(',');
        }
        out.append(space()).append('}');
    }

    private void quote(StringBuilder out, String value) {
        boolean hasDouble = value.indexOf('"') >= 0;
        boolean hasSingle = value.indexOf('\'') >= 0;
        char quote = hasDouble ? '\'' : hasSingle ? '"' : random.nextBoolean() ? '"' : '\'';
        out.append(quote).append(value).append(quote);
    }

    private String space() {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\t";
            case 2 -> "  ";
            default -> "";
        };
    }
}
