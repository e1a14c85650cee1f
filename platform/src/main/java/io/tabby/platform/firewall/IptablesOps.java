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
}
