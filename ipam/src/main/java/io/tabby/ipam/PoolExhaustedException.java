package io.tabby.ipam;

import io.tabby.datastore.model.IpFamily;

/** The pools could not supply as many addresses as were asked for; nothing was kept. */
public final class PoolExhaustedException extends IpamException {
    public PoolExhaustedException(IpFamily family, int requested, int found, String node, String pools) {
        super("IPAM could supply only " + found + " of " + requested + " " + family + " addresses for node " + node
                + " from pools " + pools + ": the pools are exhausted; release leaked addresses"
                + " (tabbyctl ipam check --fix) or add a pool");
    }
}
