package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.selector.Expr;
import io.tabby.datastore.selector.Selector;
import io.tabby.datastore.selector.SelectorParseException;
import java.util.List;
import java.util.Optional;

/**
 * The selector text Calico's update processors compute for namespaces, and its reversal:
 * a namespaceSelector's label keys get the prefix {@code pcns.} (the namespace profile's labels),
 * {@code all()} becomes {@code has(projectcalico.org/namespace)} and {@code global()}
 * {@code !has(projectcalico.org/namespace)}; a namespaced policy's own namespace is
 * {@code projectcalico.org/namespace == '<ns>'}; the two are joined as {@code (A) && (B)}.
 */
final class NamespaceSelectorText {
    static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    static final String PREFIX = "pcns.";
    /** What {@code all()} in a namespaceSelector becomes: any endpoint in a namespace. */
    static final String ANY_NAMESPACE = "has(" + NAMESPACE_LABEL + ")";

    private NamespaceSelectorText() {
    }

    /** The selector of a policy's own namespace. */
    static String own(String namespace) {
        return NAMESPACE_LABEL + " == '" + namespace + "'";
    }

    /** A namespaceSelector over endpoint labels (prefixed keys). */
    static String prefixed(String namespaceSelector) {
        return new Selector(prefix(Selector.parse(namespaceSelector).root(), false)).canonical();
    }

    /**
     * A policy-level namespaceSelector over endpoint labels: prefixed keys, with {@code all()} left
     * for the caller to replace (Calico replaces it in the whole joined selector).
     */
    static String prefixedAllKept(String namespaceSelector) {
        Expr root = Selector.parse(namespaceSelector).root();
        return root instanceof Expr.All ? "all()" : new Selector(prefix(root, true)).canonical();
    }

    /** {@code (a) && (b)}, or whichever is set. */
    static String and(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : "(" + a + ") && (" + b + ")";
    }

    /** The namespaceSelector that {@link #prefixed} turned into {@code text}, when it is one. */
    static Optional<String> unprefixed(String text) {
        Expr root;
        try {
            root = Selector.parse(text).root();
        } catch (SelectorParseException e) {
            return Optional.empty();
        }
        Optional<Expr> plain = unprefix(root);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        String selector = plain.get() instanceof Expr.All ? "all()" : new Selector(plain.get()).canonical();
        return prefixed(selector).equals(text) ? Optional.of(selector) : Optional.empty();
    }

    /** {@code (a) && b} split after its first parenthesised group; empty when the text is not of that shape. */
    static Optional<String[]> splitFirstGroup(String text) {
        return firstGroupEnd(text).flatMap(end -> {
            String rest = text.substring(end + 1);
            if (!rest.startsWith(" && ")) {
                return Optional.empty();
            }
            String a = text.substring(1, end);
            String b = rest.substring(" && ".length());
            return parses(a) && parses(b) ? Optional.of(new String[] {a, b}) : Optional.empty();
        });
    }

    /** The index of the parenthesis closing the one {@code text} starts with. */
    private static Optional<Integer> firstGroupEnd(String text) {
        if (!text.startsWith("(")) {
            return Optional.empty();
        }
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** {@code (a) && (b)} split at its top-level {@code &&}; empty when the text is not of that shape. */
    static Optional<String[]> split(String text) {
        if (!text.endsWith(")")) {
            return Optional.empty();
        }
        return splitFirstGroup(text).filter(parts -> parts[1].startsWith("(")).flatMap(parts -> {
            String b = parts[1].substring(1, parts[1].length() - 1);
            return firstGroupEnd(parts[1]).filter(end -> end == parts[1].length() - 1).isPresent() && parses(b)
                    ? Optional.of(new String[] {parts[0], b}) : Optional.empty();
        });
    }

    private static boolean parses(String text) {
        try {
            Selector.parse(text);
            return !text.isBlank();
        } catch (SelectorParseException e) {
            return false;
        }
    }

    /** Prefixes label keys; {@code all()} and {@code global()} become namespace tests unless {@code keepAll}. */
    private static Expr prefix(Expr expr, boolean keepAll) {
        return switch (expr) {
            case Expr.All a -> keepAll ? a : new Expr.Has(NAMESPACE_LABEL);
            case Expr.Global g -> keepAll ? g : Expr.not(new Expr.Has(NAMESPACE_LABEL));
            case Expr.Has h -> new Expr.Has(PREFIX + h.key());
            case Expr.Equal e -> new Expr.Equal(PREFIX + e.key(), e.value());
            case Expr.NotEqual e -> new Expr.NotEqual(PREFIX + e.key(), e.value());
            case Expr.Contains e -> new Expr.Contains(PREFIX + e.key(), e.value());
            case Expr.StartsWith e -> new Expr.StartsWith(PREFIX + e.key(), e.value());
            case Expr.EndsWith e -> new Expr.EndsWith(PREFIX + e.key(), e.value());
            case Expr.In e -> new Expr.In(PREFIX + e.key(), e.values());
            case Expr.NotIn e -> new Expr.NotIn(PREFIX + e.key(), e.values());
            case Expr.Not n -> Expr.not(prefix(n.operand(), keepAll));
            case Expr.And a -> new Expr.And(a.operands().stream().map(o -> prefix(o, keepAll)).toList());
            case Expr.Or o -> new Expr.Or(o.operands().stream().map(x -> prefix(x, keepAll)).toList());
        };
    }

    private static Optional<Expr> unprefix(Expr expr) {
        return switch (expr) {
            case Expr.All a -> Optional.empty();
            case Expr.Global g -> Optional.empty();
            case Expr.Has h -> h.key().equals(NAMESPACE_LABEL) ? Optional.of(new Expr.All())
                    : key(h.key()).map(Expr.Has::new);
            case Expr.Equal e -> key(e.key()).map(k -> new Expr.Equal(k, e.value()));
            case Expr.NotEqual e -> key(e.key()).map(k -> new Expr.NotEqual(k, e.value()));
            case Expr.Contains e -> key(e.key()).map(k -> new Expr.Contains(k, e.value()));
            case Expr.StartsWith e -> key(e.key()).map(k -> new Expr.StartsWith(k, e.value()));
            case Expr.EndsWith e -> key(e.key()).map(k -> new Expr.EndsWith(k, e.value()));
            case Expr.In e -> key(e.key()).map(k -> new Expr.In(k, e.values()));
            case Expr.NotIn e -> key(e.key()).map(k -> new Expr.NotIn(k, e.values()));
            case Expr.Not n -> n.operand() instanceof Expr.Has h && h.key().equals(NAMESPACE_LABEL)
                    ? Optional.of(new Expr.Global()) : unprefix(n.operand()).map(Expr::not);
            case Expr.And a -> all(a.operands()).map(Expr.And::new);
            case Expr.Or o -> all(o.operands()).map(Expr.Or::new);
        };
    }

    private static Optional<List<Expr>> all(List<Expr> operands) {
        List<Optional<Expr>> each = operands.stream().map(NamespaceSelectorText::unprefix).toList();
        return each.stream().allMatch(Optional::isPresent)
                ? Optional.of(each.stream().map(Optional::get).toList()) : Optional.empty();
    }

    private static Optional<String> key(String key) {
        return key.startsWith(PREFIX) && key.length() > PREFIX.length()
                ? Optional.of(key.substring(PREFIX.length())) : Optional.empty();
    }
}
