package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain felix owns, with its rules in order.
 *
 * @param name the chain name ({@code cali-...}, at most 28 characters)
 * @param rules the rules
 */
public record Chain(String name, List<RuleSpec> rules) {
    public Chain {
        requireNonNull(name, "name is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (name.isEmpty() || name.length() > ChainNames.MAX_LENGTH) {
            throw new IllegalArgumentException("chain name " + name + " is not 1-28 characters");
        }
    }

    /** The rule hashes, one per rule, in order. */
    public List<String> hashes() {
        return RuleHashes.of(name, rules);
    }

    /** The {@code -A} lines of this chain, without the chain declaration. */
    public List<String> appendLines() {
        return appendLines(hashes());
    }

    /** The {@code -A} lines, given this chain's {@link #hashes()} (computed once by the caller). */
    public List<String> appendLines(List<String> hashes) {
        if (hashes.size() != rules.size()) {
            throw new IllegalArgumentException("chain " + name + " has " + rules.size() + " rules, got "
                    + hashes.size() + " hashes");
        }
        List<String> lines = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            lines.add("-A " + name + " " + rules.get(i).render(hashes.get(i)));
        }
        return lines;
    }
}
