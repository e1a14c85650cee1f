package io.tabby.platform.firewall;

import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import java.util.function.Consumer;

/** One iptables backend in a namespace: read a table, apply a restore payload without flushing. */
public interface IptablesOps {

    /** The output of {@code iptables-save -t TABLE} (parse it with {@link IptablesSave}). */
    String save(NetNs ns, IpFamily family, IptablesTable table);

    /**
     * The same output handed to {@code lines} one line at a time (feed an
     * {@link IptablesSaveReader}), never held whole: a table of 10,000 endpoints' chains prints tens
     * of megabytes. This default reads {@link #save} first.
     */
    default void saveLines(NetNs ns, IpFamily family, IptablesTable table, Consumer<String> lines) {
        save(ns, family, table).lines().forEach(lines);
    }

    /**
     * Feeds {@code payload} to {@code iptables-restore --noflush}: one or more
     * {@code *table ... COMMIT} blocks. Each table commits atomically; chains not named in the
     * payload are left alone.
     */
    void restore(NetNs ns, IpFamily family, String payload);

    /**
     * Like {@link #restore}, for a payload that names thousands of chains in a table that holds few
     * rules now: iptables is asked to read the whole table once before it applies the payload,
     * instead of only the chains the payload names. The nft backend of iptables 1.8.x keeps the names
     * it must read in a sorted linked list, one insertion per command, so a payload of 200,000 rules
     * over 20,000 chains spends most of its time in that list; reading the whole table costs about
     * what {@code iptables-save} of it costs. The payload commits as atomically as with
     * {@link #restore} and nothing outside it changes. This default is {@link #restore}.
     */
    default void restoreReadingWholeTable(NetNs ns, IpFamily family, String payload) {
        restore(ns, family, payload);
    }
}
