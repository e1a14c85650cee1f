package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A parsed selector as a tree, one record per construct of Calico's grammar. Records compare
 * by structure, so two selectors that parse to the same tree are equal.
 *
 * <p>The constructors keep trees in the shape the parser produces, so that printing the
 * canonical form and parsing it again gives an equal tree: {@link And} and {@link Or} have at
 * least two operands, a {@link Not} never directly wraps another {@link Not} (use
 * {@link #not(Expr)}, which collapses double negation as the parser does), keys follow
 * {@code [a-zA-Z0-9_./-]{1,512}}, and no value holds both kinds of quote (selector strings have
 * no escapes). {@link In} and {@link NotIn} keep their values as a hash set, so a lookup
 * costs one hash probe and the order values were written in does not matter.
 */
public sealed interface Expr {

    /** Negates {@code operand}, or unwraps it when it is already negated ({@code !!x} is x). */
    static Expr not(Expr operand) {
        requireNonNull(operand, "operand is null");
        return operand instanceof Not(Expr inner) ? inner : new Not(operand);
    }

    /** {@code all()}: matches every label set. */
    record All() implements Expr {
    }

    /**
     * {@code global()}: matches like {@code all()}; Calico gives it a meaning only in a policy
     * rule's {@code namespaceSelector} (non-namespaced endpoints), which the resource
     * validator, not the parser, enforces.
     */
    record Global() implements Expr {
    }

    /** {@code has(key)}: the label is present, with any value. */
    record Has(String key) implements Expr {
        public Has {
            LabelKeySyntax.requireValid(key);
        }
    }

    /** {@code key == "value"}: false when the label is missing. */
    record Equal(String key, String value) implements Expr {
        public Equal {
            LabelKeySyntax.requireValid(key);
            StringLiteral.requireQuotable(value);
        }
    }

    /** {@code key != "value"}: true when the label is missing. */
    record NotEqual(String key, String value) implements Expr {
        public NotEqual {
            LabelKeySyntax.requireValid(key);
            StringLiteral.requireQuotable(value);
        }
    }

    /** {@code key contains "part"}: false when the label is missing. */
    record Contains(String key, String value) implements Expr {
        public Contains {
            LabelKeySyntax.requireValid(key);
            StringLiteral.requireQuotable(value);
        }
    }

    /** {@code key starts with "prefix"}: false when the label is missing. */
    record StartsWith(String key, String value) implements Expr {
        public StartsWith {
            LabelKeySyntax.requireValid(key);
            StringLiteral.requireQuotable(value);
        }
    }

    /** {@code key ends with "suffix"}: false when the label is missing. */
    record EndsWith(String key, String value) implements Expr {
        public EndsWith {
            LabelKeySyntax.requireValid(key);
            StringLiteral.requireQuotable(value);
        }
    }

    /** {@code key in {"a", "b"}}: false when the label is missing; {@code {}} matches nothing. */
    record In(String key, Set<String> values) implements Expr {
        public In {
            LabelKeySyntax.requireValid(key);
            values = quotableSet(values);
        }
    }

    /** {@code key not in {"a", "b"}}: true when the label is missing. */
    record NotIn(String key, Set<String> values) implements Expr {
        public NotIn {
            LabelKeySyntax.requireValid(key);
            values = quotableSet(values);
        }
    }

    /** {@code !operand}. */
    record Not(Expr operand) implements Expr {
        public Not {
            requireNonNull(operand, "operand is null");
            if (operand instanceof Not) {
                throw new IllegalArgumentException(
                        "Not wraps another Not: the parser collapses repeated '!', use Expr.not(...)");
            }
        }
    }

    /** {@code a && b && ...}, at least two operands, evaluated left to right. */
    record And(List<Expr> operands) implements Expr {
        public And {
            operands = atLeastTwo(operands, "And");
        }
    }

    /** {@code a || b || ...}, at least two operands, evaluated left to right. */
    record Or(List<Expr> operands) implements Expr {
        public Or {
            operands = atLeastTwo(operands, "Or");
        }
    }

    private static Set<String> quotableSet(Set<String> values) {
        requireNonNull(values, "values is null");
        for (String value : values) {
            StringLiteral.requireQuotable(value);
        }
        return Set.copyOf(values);
    }

    private static List<Expr> atLeastTwo(List<Expr> operands, String what) {
        requireNonNull(operands, "operands is null");
        List<Expr> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(what + " needs at least two operands, got " + copy.size());
        }
        return copy;
    }
}
