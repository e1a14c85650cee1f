package io.tabby.platform.firewall;

import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;

/** One iptables backend in a namespace: read a table, apply a restore payload without flushing. */
public interface IptablesOps {

    /** The output of {@code iptables-save -t TABLE} (parse it with {@link IptablesSave}). */
    String save(NetNs ns, IpFamily family, IptablesTable table);

    /**
     * Feeds {@code payload} to {@code iptables-restore --noflush}: one or more
     * {@code *table ... COMMIT} blocks. Each table commits atomically; chains not named in the
     * payload are left alone.
     */
    void restore(NetNs ns, IpFamily family, String payload);
}
