package io.tabby.felix.dataplane;

import io.tabby.felix.rules.ChainNames;
import io.tabby.felix.rules.RuleHashList;
import io.tabby.felix.rules.RuleHashes;
import io.tabby.platform.firewall.IptablesSaveReader;
import io.tabby.platform.firewall.IptablesTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What felix keeps of one table's {@code iptables-save} output while it streams past: the rule
 * hashes of each felix chain in order (null for a rule without one), and the set of felix hashes
 * in each built-in chain. Nothing else of the text is held, so reading back a table of 10,000
 * endpoints' chains costs a few megabytes, not the tens that the text itself takes.
 */
final class SavedHashes implements IptablesSaveReader.Listener {
    private final String table;
    private final Map<String, RuleHashList.Builder> chains = new HashMap<>();
    private final Map<String, Set<String>> hooks = new HashMap<>();
    private long rules;

    SavedHashes(IptablesTable table) {
        this.table = table.tableName();
    }

    @Override
    public void chain(String table, String chain, String policy) {
        if (!this.table.equals(table)) {
            return;
        }
        if (!policy.equals("-")) {
            hooks.put(chain, new HashSet<>());
        } else if (chain.startsWith(ChainNames.PREFIX)) {
            chains.put(chain, new RuleHashList.Builder(16));
        }
    }

    @Override
    public void rule(String table, String chain, String rule) {
        if (!this.table.equals(table)) {
            return;
        }
        rules++;
        String hash = RuleHashes.find(rule);
        Set<String> hook = hooks.get(chain);
        if (hook != null) {
            if (hash != null) {
                hook.add(hash);
            }
        } else if (chain.startsWith(ChainNames.PREFIX)) {
            chains.computeIfAbsent(chain, c -> new RuleHashList.Builder(16)).add(hash);
        }
    }

    /** Felix chain name to its rules' hashes, in order (packed). */
    Map<String, List<String>> chains() {
        Map<String, List<String>> built = new HashMap<>(chains.size() * 2);
        chains.forEach((name, hashes) -> built.put(name, hashes.build()));
        return built;
    }

    /** Every rule read in the table, felix's or not. */
    long rules() {
        return rules;
    }

    /** Built-in chain name to the felix hashes among its rules. */
    Map<String, Set<String>> hooks() {
        return hooks;
    }
}
