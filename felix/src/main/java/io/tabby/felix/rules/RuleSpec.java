package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

/**
 * One iptables rule before its hash is known: match, action and an optional human comment.
 *
 * @param match match options, possibly empty ({@code -i cali+ -m set --match-set ... src})
 * @param action the target and its options ({@code -j DROP}, {@code -g cali-fw-cali1})
 * @param comment a comment for readers of {@code iptables-save}, or empty
 */
public record RuleSpec(String match, String action, String comment) {
    public RuleSpec {
        requireNonNull(match, "match is null");
        requireNonNull(action, "action is null");
        requireNonNull(comment, "comment is null");
        if (action.isEmpty()) {
            throw new IllegalArgumentException("a rule needs an action");
        }
        if (comment.contains("\"")) {
            throw new IllegalArgumentException("comment " + comment + " contains a double quote");
        }
        // 10,000 endpoints' chains hold ~225,000 rules but only ~30,000 distinct matches and
        // ~20,000 distinct actions (the same marks, conntrack states, jumps from chain to chain):
        // one copy of each text is kept
        match = match.intern();
        action = action.intern();
        comment = comment.intern();
    }

    public static RuleSpec of(String match, String action) {
        return new RuleSpec(match, action, "");
    }

    public static RuleSpec commented(String comment, String match, String action) {
        return new RuleSpec(match, action, comment);
    }

    /** What the hash covers: match and action. */
    String hashedText() {
        return match.isEmpty() ? action : match + " " + action;
    }

    /** The rule text after {@code -A <chain> }, with the hash comment first. */
    String render(String hash) {
        StringBuilder text = new StringBuilder("-m comment --comment \"cali:").append(hash).append('"');
        if (!comment.isEmpty()) {
            text.append(" -m comment --comment \"").append(comment).append('"');
        }
        if (!match.isEmpty()) {
            text.append(' ').append(match);
        }
        return text.append(' ').append(action).toString();
    }
}
