package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IPv4 or IPv6 prefix as written in the configuration, such as {@code 192.168.0.0/16}.
 *
 * @param address the network address; no host bits may be set (BIRD refuses them too)
 * @param length prefix length, up to 32 or 128
 */
public record NetPrefix(InetAddress address, int length) {

    public NetPrefix {
        requireNonNull(address, "address is null");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " is outside 0.." + max);
        }
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < max; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException(
                        "prefix " + address.getHostAddress() + "/" + length + " has host bits set");
            }
        }
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
