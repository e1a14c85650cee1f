package io.tabby.bench.felix;

import io.tabby.platform.net.NetNs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What felix left in a namespace, as {@code ipset save} and {@code iptables-nft-save} print it
 * (filter and nat tables): the input of the raw restore, and the counts the table reports.
 */
record RulesDump(String ipsets, String iptables, int chains, int rules, int sets, int members) {

    static RulesDump of(BenchNamespaces namespaces, NetNs.Named ns) {
        String sets = namespaces.exec(ns, null, "ipset", "save");
        String filter = namespaces.exec(ns, null, "iptables-nft-save", "-t", "filter");
        String nat = namespaces.exec(ns, null, "iptables-nft-save", "-t", "nat");
        String tables = filter + nat;
        return new RulesDump(sets, tables, count(tables, ":cali-"), count(tables, "-A "), count(sets, "create "),
                count(sets, "add "));
    }

    /**
     * Writes the dump as {@code ipsets-TOTAL.txt} and {@code iptables-TOTAL.txt} into {@code dir} (when
     * not null), so that restore variants can be timed by hand against the very same rules.
     */
    void writeTo(String dir, int total) {
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            Path into = Files.createDirectories(Path.of(dir));
            Files.writeString(into.resolve("ipsets-" + total + ".txt"), ipsets);
            Files.writeString(into.resolve("iptables-" + total + ".txt"), iptables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules dump into " + dir, e);
        }
    }

    private static int count(String text, String linePrefix) {
        return (int) text.lines().filter(line -> line.startsWith(linePrefix)).count();
    }
}
