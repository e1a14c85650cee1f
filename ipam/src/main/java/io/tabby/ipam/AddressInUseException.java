package io.tabby.ipam;

import io.tabby.datastore.model.IpAddr;

/** The address asked for is already allocated. */
public final class AddressInUseException extends IpamException {
    public AddressInUseException(IpAddr address, String owner) {
        super("address " + address + " is already in use" + (owner == null ? "" : " by handle " + owner)
                + ": choose another address or release it first (tabbyctl ipam release --ip=" + address + ")");
    }
}
