package io.tabby.platform.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites an {@code iptables-nft-restore --noflush} payload so that iptables fetches each table
 * whole instead of chain by chain: a {@code -S} right after each {@code *table} line (a command
 * without a chain, which only reads), then a {@code :CHAIN - [0:0]} for each built-in chain the
 * block writes into.
 *
 * <p>Why the declarations: {@code -S} puts stand-ins for missing built-in chains into iptables'
 * cache (so that it can list their policies), after which a {@code -I INPUT} in a fresh namespace
 * no longer creates INPUT and fails with "No such file or directory". The {@code -} policy creates
 * a missing built-in chain with iptables' default policy and leaves an existing one's policy as it
 * is; its counters are read only with {@code --counters}, which Tabby never passes.
 */
final class WholeTableRestoreText {

    private WholeTableRestoreText() {
    }

    static String of(String payload) {
        requireNonNull(payload, "payload is null");
        StringBuilder out = new StringBuilder(payload.length() + 64);
        String header = null;
        List<String> block = new ArrayList<>();
        for (String line : (Iterable<String>) payload.lines()::iterator) {
            if (header == null) {
                if (line.startsWith("*")) {
                    header = line;
                    block.clear();
                } else {
                    out.append(line).append('\n');
                }
            } else if (line.equals("COMMIT")) {
                appendBlock(out, header, block);
                out.append(line).append('\n');
                header = null;
            } else {
                block.add(line);
            }
        }
        if (header != null) { // no COMMIT: iptables will refuse it, as it would the original
            appendBlock(out, header, block);
        }
        return out.toString();
    }

    private static void appendBlock(StringBuilder out, String header, List<String> block) {
        out.append(header).append('\n').append("-S\n");
        builtinChainsWritten(header.substring(1).trim(), block)
                .forEach(chain -> out.append(':').append(chain).append(" - [0:0]\n"));
        block.forEach(line -> out.append(line).append('\n'));
    }

    /** The built-in chains of {@code tableName} that a rule line of {@code block} adds to, inserts into or changes. */
    private static Set<String> builtinChainsWritten(String tableName, List<String> block) {
        List<String> builtins;
        try {
            builtins = IptablesTable.ofName(tableName).builtinChains();
        } catch (IllegalArgumentException e) {
            return Set.of(); // a table Tabby does not use: nothing to declare
        }
        Set<String> written = new LinkedHashSet<>();
        for (String line : block) {
            if (line.startsWith("-A ") || line.startsWith("-I ") || line.startsWith("-R ") || line.startsWith("-D ")) {
                int end = line.indexOf(' ', 3);
                String chain = end < 0 ? line.substring(3) : line.substring(3, end);
                if (builtins.contains(chain)) {
                    written.add(chain);
                }
            }
        }
        return written;
    }
}
