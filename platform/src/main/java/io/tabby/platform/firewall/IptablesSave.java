package io.tabby.platform.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code iptables-save} output whole: per table, the chains in the order declared, each
 * with its rules. Counters ({@code [0:0]}, {@code -c}) are dropped; rule text is kept as printed.
 * For big tables scan with {@link IptablesSaveReader} instead.
 */
public final class IptablesSave {

    private IptablesSave() {
    }

    /** Table name ({@code filter}, ...) to chain name to chain. */
    public static Map<String, Map<String, IptablesChain>> parse(String saveOutput) {
        Map<String, Map<String, IptablesChain>> tables = new LinkedHashMap<>();
        Map<String, String> policies = new LinkedHashMap<>();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        IptablesSaveReader reader = new IptablesSaveReader(new IptablesSaveReader.Listener() {
            @Override
            public void begin(String table) {
                policies.clear(); // a table without COMMIT is dropped, as iptables-restore would
                rules.clear();
            }

            @Override
            public void chain(String table, String chain, String policy) {
                policies.put(chain, policy);
                rules.put(chain, new ArrayList<>());
            }

            @Override
            public void rule(String table, String chain, String rule) {
                rules.computeIfAbsent(chain, c -> new ArrayList<>()).add(rule);
                policies.putIfAbsent(chain, "-");
            }

            @Override
            public void commit(String table) {
                Map<String, IptablesChain> chains = new LinkedHashMap<>();
                policies.forEach((chain, policy) -> chains.put(chain, new IptablesChain(chain, policy, rules.get(chain))));
                tables.put(table, chains);
            }
        });
        saveOutput.lines().forEach(reader);
        return tables;
    }

    /** The chains of one table, or an empty map if the output does not contain it. */
    public static Map<String, IptablesChain> chains(String saveOutput, IptablesTable table) {
        return parse(saveOutput).getOrDefault(table.tableName(), Map.of());
    }
}
