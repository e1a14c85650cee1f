package io.tabby.ipam;

/** An IPAM request that could not be served; the subclass says why, the message what to do. */
public abstract sealed class IpamException extends RuntimeException
        permits NoPoolsException, PoolExhaustedException, RetriesExhaustedException, AddressInUseException,
                InvalidIpamRequestException {

    protected IpamException(String message) {
        super(message);
    }

    protected IpamException(String message, Throwable cause) {
        super(message, cause);
    }
}
