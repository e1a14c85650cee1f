package io.tabby.platform.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code iptables-save} output: per table, the chains in the order declared, each with
 * its rules. Counters ({@code [0:0]}, {@code -c}) are dropped; rule text is kept as printed.
 */
public final class IptablesSave {

    private IptablesSave() {
    }

    /** Table name ({@code filter}, ...) to chain name to chain. */
    public static Map<String, Map<String, IptablesChain>> parse(String saveOutput) {
        Map<String, Map<String, IptablesChain>> tables = new LinkedHashMap<>();
        String table = null;
        Map<String, String> policies = new LinkedHashMap<>();
        Map<String, List<String>> rules = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String raw : saveOutput.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("*")) {
                table = line.substring(1);
                policies.clear();
                rules.clear();
            } else if (table == null) {
                throw new IllegalArgumentException("iptables-save line " + lineNumber + " comes before any '*table' line: " + line);
            } else if (line.startsWith(":")) {
                String[] parts = line.substring(1).split(" ");
                policies.put(parts[0], parts.length > 1 ? parts[1] : "-");
                rules.put(parts[0], new ArrayList<>());
            } else if (line.startsWith("-A ")) {
                String rest = line.substring(3);
                int space = rest.indexOf(' ');
                String chain = space < 0 ? rest : rest.substring(0, space);
                rules.computeIfAbsent(chain, c -> new ArrayList<>()).add(space < 0 ? "" : rest.substring(space + 1));
                policies.putIfAbsent(chain, "-");
            } else if (line.equals("COMMIT")) {
                Map<String, IptablesChain> chains = new LinkedHashMap<>();
                policies.forEach((chain, policy) -> chains.put(chain, new IptablesChain(chain, policy, rules.get(chain))));
                tables.put(table, chains);
                table = null;
            } else {
                throw new IllegalArgumentException("iptables-save line " + lineNumber + " is not a chain, rule or COMMIT: " + line);
            }
        }
        return tables;
    }

    /** The chains of one table, or an empty map if the output does not contain it. */
    public static Map<String, IptablesChain> chains(String saveOutput, IptablesTable table) {
        return parse(saveOutput).getOrDefault(table.tableName(), Map.of());
    }
}
