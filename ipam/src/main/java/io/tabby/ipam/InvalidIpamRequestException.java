package io.tabby.ipam;

/** The request or the IPAM configuration it meets is wrong (unknown pool, address outside every pool, ...). */
public final class InvalidIpamRequestException extends IpamException {
    public InvalidIpamRequestException(String message) {
        super(message);
    }
}
