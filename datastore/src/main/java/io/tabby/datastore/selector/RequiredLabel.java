package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A label every matching label set carries with one of a few values: for {@code app == "web" &&
 * env != "dev"} that is {@code app} in {@code {web}}. An index of label sets by key and value can
 * then evaluate a selector against the sets holding one of those values only, instead of against
 * every set.
 *
 * @param key the label key
 * @param values the values a matching label set has for it (empty: nothing matches)
 */
public record RequiredLabel(String key, Set<String> values) {

    public RequiredLabel {
        requireNonNull(key, "key is null");
        values = Set.copyOf(requireNonNull(values, "values is null"));
    }

    /**
     * The labels {@code selector} requires: every label set it matches has, for each of them, one
     * of its values. Empty when nothing is required (e.g. {@code all()}, {@code has(a)}, negations).
     */
    public static List<RequiredLabel> of(Selector selector) {
        requireNonNull(selector, "selector is null");
        List<RequiredLabel> required = new ArrayList<>();
        of(selector.root()).forEach((key, values) -> required.add(new RequiredLabel(key, values)));
        return List.copyOf(required);
    }

    /** Key to allowed values, for one tree; a key appears once (the values of several conjuncts intersected). */
    private static Map<String, Set<String>> of(Expr expr) {
        return switch (expr) {
            case Expr.Equal equal -> Map.of(equal.key(), Set.of(equal.value()));
            case Expr.In in -> Map.of(in.key(), in.values());
            // !(a != "x") is a == "x"; !(a not in {...}) is a in {...}
            case Expr.Not(Expr.NotEqual notEqual) -> Map.of(notEqual.key(), Set.of(notEqual.value()));
            case Expr.Not(Expr.NotIn notIn) -> Map.of(notIn.key(), notIn.values());
            case Expr.Not not -> Map.of();
            case Expr.And and -> conjunction(and.operands());
            case Expr.Or or -> disjunction(or.operands());
            case Expr.All all -> Map.of();
            case Expr.Global global -> Map.of();
            case Expr.Has has -> Map.of();
            case Expr.NotEqual notEqual -> Map.of();
            case Expr.Contains contains -> Map.of();
            case Expr.StartsWith startsWith -> Map.of();
            case Expr.EndsWith endsWith -> Map.of();
            case Expr.NotIn notIn -> Map.of();
        };
    }

    /** Every operand must match: each one's requirements hold, a key required twice keeps the common values. */
    private static Map<String, Set<String>> conjunction(List<Expr> operands) {
        Map<String, Set<String>> required = new LinkedHashMap<>();
        for (Expr operand : operands) {
            of(operand).forEach((key, values) -> required.merge(key, values, (a, b) -> {
                Set<String> common = new HashSet<>(a);
                common.retainAll(b);
                return common;
            }));
        }
        return required;
    }

    /** One operand must match: a key every operand requires is required, with any operand's values. */
    private static Map<String, Set<String>> disjunction(List<Expr> operands) {
        Map<String, Set<String>> required = null;
        for (Expr operand : operands) {
            Map<String, Set<String>> each = of(operand);
            if (required == null) {
                required = new LinkedHashMap<>(each);
                continue;
            }
            Map<String, Set<String>> both = new LinkedHashMap<>();
            for (Map.Entry<String, Set<String>> entry : required.entrySet()) {
                Set<String> other = each.get(entry.getKey());
                if (other != null) {
                    Set<String> union = new HashSet<>(entry.getValue());
                    union.addAll(other);
                    both.put(entry.getKey(), union);
                }
            }
            required = both;
        }
        return required == null ? Map.of() : required;
    }
}
