package io.tabby.platform.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A chain as {@code iptables-save} shows it.
 *
 * @param name   chain name
 * @param policy {@code ACCEPT}/{@code DROP} for built-in chains, {@code -} for user chains
 * @param rules  rule specs in order, each without the leading {@code -A <chain> }
 */
public record IptablesChain(String name, String policy, List<String> rules) {

    public IptablesChain {
        requireNonNull(name, "name is null");
        requireNonNull(policy, "policy is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        if (name.isEmpty() || name.length() > 28 || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("'" + name + "' is not an iptables chain name (1..28 characters, no spaces)");
        }
    }

    public boolean builtin() {
        return !policy.equals("-");
    }
}
