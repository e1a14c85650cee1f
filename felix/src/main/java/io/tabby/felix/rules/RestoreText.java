package io.tabby.felix.rules;

import io.tabby.platform.firewall.IptablesTable;
import java.util.List;

/** The full {@code iptables-restore} text of a table's chains, as felix would write them from scratch. */
public final class RestoreText {
    private RestoreText() {}

    /** {@code *table}, a {@code :chain - [0:0]} line per chain, their rules, the hooks as inserts, {@code COMMIT}. */
    public static String of(IptablesTable table, TableRules rules) {
        StringBuilder text = new StringBuilder("*").append(table.tableName()).append('\n');
        rules.chains().forEach(c -> text.append(':').append(c.name()).append(" - [0:0]\n"));
        rules.chains().forEach(c -> c.appendLines().forEach(line -> text.append(line).append('\n')));
        List<Chain> hooks = rules.hooks();
        hooks.forEach(h -> insertLines(h).forEach(line -> text.append(line).append('\n')));
        return text.append("COMMIT\n").toString();
    }

    /** The hook's rules as {@code -I <kernel chain> <n>} lines, keeping their order at the top of the chain. */
    public static List<String> insertLines(Chain hook) {
        List<String> appends = hook.appendLines();
        return java.util.stream.IntStream.range(0, appends.size())
                .mapToObj(i -> "-I " + hook.name() + " " + (i + 1) + appends.get(i).substring(("-A " + hook.name()).length()))
                .toList();
    }
}
