package io.tabby.node.cni;

import io.tabby.cni.spec.CniError;
import io.tabby.cni.spec.CniException;
import io.tabby.datastore.backend.DatastoreException;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.ipam.AddressInUseException;
import io.tabby.ipam.InvalidIpamRequestException;
import io.tabby.ipam.IpamException;
import io.tabby.ipam.NoPoolsException;
import io.tabby.ipam.PoolExhaustedException;
import io.tabby.ipam.RetriesExhaustedException;
import io.tabby.platform.exec.CommandFailedException;

/**
 * Turns what went wrong inside the agent into the CNI error the runtime sees. A datastore that
 * cannot be reached, or contention that outlasted the retries, is code 11 so the runtime tries
 * again later; an exhausted pool is Tabby's code 100; a kernel operation that failed is 999 with
 * the command's own complaint in the details.
 */
final class CniFailures {
    /** Plugin-specific code (100+ is the plugin's range): no address could be assigned. */
    static final int NO_ADDRESS = 100;

    /** Plugin-specific code: CHECK found the attachment different from its ADD result. */
    static final int CHECK_MISMATCH = 101;

    private CniFailures() {}

    static CniException of(String what, RuntimeException failure) {
        return switch (failure) {
            case UnavailableException e -> new CniException(CniError.TRY_AGAIN_LATER,
                    what + ": etcd is not reachable, try again later", e.getMessage()
                            + "; check ETCD_ENDPOINTS of tabby-node and that etcd is up, then retry");
            case DatastoreException e -> new CniException(CniError.IO_FAILURE,
                    what + ": the datastore refused the request", e.getMessage());
            case IpamException e -> ofIpam(what, e);
            case CommandFailedException e -> new CniException(CniError.INTERNAL,
                    what + ": a kernel operation failed", e.getMessage());
            default -> new CniException(CniError.INTERNAL, what + ": unexpected failure in tabby-node",
                    failure.toString() + "; see the tabby-node log");
        };
    }

    private static CniException ofIpam(String what, IpamException failure) {
        return switch (failure) {
            case RetriesExhaustedException e -> new CniException(CniError.TRY_AGAIN_LATER,
                    what + ": IPAM contention outlasted the retries, try again later", e.getMessage());
            case NoPoolsException e -> new CniException(NO_ADDRESS, what + ": no usable IP pool", e.getMessage());
            case PoolExhaustedException e -> new CniException(NO_ADDRESS, what + ": the IP pools are full",
                    e.getMessage());
            case AddressInUseException e -> new CniException(NO_ADDRESS, what + ": address in use", e.getMessage());
            case InvalidIpamRequestException e -> new CniException(CniError.INVALID_NETWORK_CONFIG,
                    what + ": IPAM rejected the request", e.getMessage());
        };
    }
}
