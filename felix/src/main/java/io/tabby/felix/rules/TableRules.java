package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What felix wants in one iptables table: its own {@code cali-} chains, and the hooks, one rule
 * per kernel chain ({@code FORWARD}, ...) that jumps into them, inserted at the top.
 *
 * @param chains felix's chains
 * @param hooks one chain per kernel chain, named after it, holding the hook rules
 */
public record TableRules(List<Chain> chains, List<Chain> hooks) {
    public TableRules {
        chains = List.copyOf(requireNonNull(chains, "chains is null"));
        hooks = List.copyOf(requireNonNull(hooks, "hooks is null"));
    }
}
