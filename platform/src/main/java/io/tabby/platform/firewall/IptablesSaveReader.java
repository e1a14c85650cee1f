package io.tabby.platform.firewall;

import static java.util.Objects.requireNonNull;

import java.util.function.Consumer;

/**
 * Reads {@code iptables-save} output one line at a time and tells a {@link Listener} what each
 * line declares, so a caller can keep only what it needs (felix keeps one hash per rule) instead
 * of the whole text. Counters ({@code [0:0]}) are dropped; rule text is passed on as printed,
 * without the leading {@code -A <chain> }.
 */
public final class IptablesSaveReader implements Consumer<String> {

    /** What the lines declare, in output order. */
    public interface Listener {
        /** A {@code *table} line: what follows belongs to {@code table} until its COMMIT. */
        default void begin(String table) {
        }

        /** A {@code :chain policy} line; {@code policy} is {@code -} for a user chain. */
        void chain(String table, String chain, String policy);

        /** An {@code -A chain rule} line (a rule may name a chain that was not declared). */
        void rule(String table, String chain, String rule);

        /** The table's {@code COMMIT}. */
        default void commit(String table) {
        }
    }

    private final Listener listener;
    private String table;
    private int lineNumber;

    public IptablesSaveReader(Listener listener) {
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** @throws IllegalArgumentException for a line that is not a table, chain, rule or COMMIT */
    @Override
    public void accept(String raw) {
        lineNumber++;
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("*")) {
            table = line.substring(1);
            listener.begin(table);
        } else if (table == null) {
            throw new IllegalArgumentException("iptables-save line " + lineNumber + " comes before any '*table' line: " + line);
        } else if (line.startsWith(":")) {
            int space = line.indexOf(' ');
            String chain = space < 0 ? line.substring(1) : line.substring(1, space);
            int end = space < 0 ? -1 : line.indexOf(' ', space + 1);
            String policy = space < 0 ? "-" : end < 0 ? line.substring(space + 1) : line.substring(space + 1, end);
            listener.chain(table, chain, policy);
        } else if (line.startsWith("-A ")) {
            int space = line.indexOf(' ', 3);
            listener.rule(table, space < 0 ? line.substring(3) : line.substring(3, space),
                    space < 0 ? "" : line.substring(space + 1));
        } else if (line.equals("COMMIT")) {
            listener.commit(table);
            table = null;
        } else {
            throw new IllegalArgumentException("iptables-save line " + lineNumber + " is not a chain, rule or COMMIT: " + line);
        }
    }
}
