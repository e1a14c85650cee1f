package io.tabby.ipam;

import io.tabby.datastore.model.IpFamily;

/** No usable pool of the family exists (none configured, or all disabled or not selecting the node). */
public final class NoPoolsException extends IpamException {
    public NoPoolsException(IpFamily family, String node) {
        super("no usable " + family + " IP pool for node " + node
                + ": create an enabled pool whose node selector matches the node (tabbyctl create -f ippool.yaml)");
    }
}
