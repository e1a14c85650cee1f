package io.tabby.platform.firewall;

import static java.util.Objects.requireNonNull;

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

    /** The payload with each table block rewritten; lines are copied as they are, in one pass, without splitting. */
    static String of(String payload) {
        requireNonNull(payload, "payload is null");
        String text = payload.endsWith("\n") ? payload : payload + "\n";
        StringBuilder out = new StringBuilder(text.length() + 64);
        int blockStart = -1; // the first line after the current *table line
        List<String> builtins = List.of();
        Set<String> written = new LinkedHashSet<>();
        for (int line = 0; line < text.length(); ) {
            int end = text.indexOf('\n', line) + 1;
            if (blockStart < 0) {
                out.append(text, line, end);
                if (text.charAt(line) == '*') {
                    blockStart = end;
                    builtins = builtinChains(text.substring(line + 1, end - 1).trim());
                    written.clear();
                }
            } else if (text.startsWith("COMMIT", line) && (end - line == 7 || text.charAt(line + 6) == '\r')) {
                appendBlock(out, text, blockStart, line, written);
                out.append(text, line, end);
                blockStart = -1;
            } else {
                builtinWritten(text, line, end, builtins, written);
            }
            line = end;
        }
        if (blockStart >= 0) { // no COMMIT: iptables will refuse it, as it would the original
            appendBlock(out, text, blockStart, text.length(), written);
        }
        return out.toString();
    }

    private static void appendBlock(StringBuilder out, String text, int from, int to, Set<String> written) {
        out.append("-S\n");
        written.forEach(chain -> out.append(':').append(chain).append(" - [0:0]\n"));
        out.append(text, from, to);
    }

    private static List<String> builtinChains(String tableName) {
        try {
            return IptablesTable.ofName(tableName).builtinChains();
        } catch (IllegalArgumentException e) {
            return List.of(); // a table Tabby does not use: nothing to declare
        }
    }

    /** Adds the built-in chain that the rule line {@code [line, end)} adds to, inserts into or changes, if any. */
    private static void builtinWritten(String text, int line, int end, List<String> builtins, Set<String> written) {
        if (end - line < 4 || text.charAt(line) != '-' || text.charAt(line + 2) != ' '
                || "AIRD".indexOf(text.charAt(line + 1)) < 0) {
            return;
        }
        for (String chain : builtins) {
            int after = line + 3 + chain.length();
            if (text.startsWith(chain, line + 3) && after < end && Character.isWhitespace(text.charAt(after))) {
                written.add(chain);
                return;
            }
        }
    }
}
