package io.tabby.datastore.selector;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A parsed Calico label selector: {@link #parse(String)} it once, then {@link #matches(Map)}
 * label sets as often as needed. Immutable and thread-safe. Two selectors are equal when
 * their trees are ({@code a=='x'} equals {@code a == "x"}); {@link #canonical()} is the same
 * for equal selectors and is what Felix hashes into ip-set ids.
 */
public final class Selector {

    /** {@code all()}, which is also what an empty selector string means. */
    public static final Selector ALL = new Selector(new Expr.All());

    private final Expr root;
    private final String canonical;
    private final SortedSet<String> labelKeys;
    private final boolean usesGlobal;

    /** Wraps a tree built by hand (tests, generated selectors); see {@link Expr} for its rules. */
    public Selector(Expr root) {
        this.root = requireNonNull(root, "root is null");
        this.canonical = CanonicalForm.of(root);
        SortedSet<String> keys = new TreeSet<>();
        this.usesGlobal = collect(root, keys);
        this.labelKeys = Collections.unmodifiableSortedSet(keys);
    }

    /**
     * Parses selector text as Calico does; empty or blank text gives {@link #ALL}.
     *
     * @throws SelectorParseException naming the text, the 1-based column and what was expected
     */
    public static Selector parse(String text) {
        requireNonNull(text, "selector text is null");
        Expr root = new Parser(text).parseSelector();
        return root instanceof Expr.All ? ALL : new Selector(root);
    }

    /** The parsed tree. */
    public Expr root() {
        return root;
    }

    /** Whether a label set matches; a missing label is a key absent from the map (or mapped to null). */
    public boolean matches(Map<String, String> labels) {
        requireNonNull(labels, "labels is null");
        return ExprEvaluator.matches(root, labels::get);
    }

    /**
     * Whether the labels seen through {@code labelLookup} match; the lookup returns null for a
     * missing label. For label sets that are not a map, e.g. an endpoint's own labels over the
     * labels it inherits from its profiles.
     */
    public boolean matches(Function<? super String, String> labelLookup) {
        requireNonNull(labelLookup, "labelLookup is null");
        return ExprEvaluator.matches(root, labelLookup);
    }

    /**
     * Calico's canonical string form, e.g. {@code (role == "db" && env in {"prod", "staging"})}.
     * {@code Selector.parse(s.canonical())} equals {@code s}.
     */
    public String canonical() {
        return canonical;
    }

    /**
     * The label keys this selector reads, sorted. A label change that touches none of them
     * cannot change whether a label set matches, so a caller indexing many selectors need
     * re-evaluate only the selectors that read a changed key. Empty for {@code all()}.
     */
    public Set<String> labelKeys() {
        return labelKeys;
    }

    /**
     * Whether {@code global()} appears anywhere. Calico accepts it in a policy rule's
     * {@code namespaceSelector} only; a validator elsewhere should reject selectors where this
     * is true.
     */
    public boolean usesGlobal() {
        return usesGlobal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Selector selector && root.equals(selector.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    /** The canonical form. */
    @Override
    public String toString() {
        return canonical;
    }

    /** Adds every key the tree reads to {@code keys}; returns whether it contains global(). */
    private static boolean collect(Expr expr, Set<String> keys) {
        switch (expr) {
            case Expr.All all -> {
                return false;
            }
            case Expr.Global global -> {
                return true;
            }
            case Expr.Has has -> keys.add(has.key());
            case Expr.Equal equal -> keys.add(equal.key());
            case Expr.NotEqual notEqual -> keys.add(notEqual.key());
            case Expr.Contains contains -> keys.add(contains.key());
            case Expr.StartsWith startsWith -> keys.add(startsWith.key());
            case Expr.EndsWith endsWith -> keys.add(endsWith.key());
            case Expr.In in -> keys.add(in.key());
            case Expr.NotIn notIn -> keys.add(notIn.key());
            case Expr.Not not -> {
                return collect(not.operand(), keys);
            }
            case Expr.And and -> {
                return collectAll(and.operands(), keys);
            }
            case Expr.Or or -> {
                return collectAll(or.operands(), keys);
            }
        }
        return false;
    }

    private static boolean collectAll(Iterable<Expr> operands, Set<String> keys) {
        boolean global = false;
        for (Expr operand : operands) {
            global |= collect(operand, keys);
        }
        return global;
    }
}
