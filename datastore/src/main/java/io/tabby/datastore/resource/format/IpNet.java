package io.tabby.datastore.resource.format;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address with a prefix length: a CIDR ({@code 10.0.0.0/16}), an address in a subnet
 * ({@code 10.0.2.15/24}) or a single address ({@code /32}, {@code /128}). Parsing accepts only
 * plain literals: dotted-quad IPv4 without leading zeros, and IPv6 without zones (and not
 * IPv4-mapped).
 */
public record IpNet(IpAddr address, int prefixLength) {
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    public IpNet {
        requireNonNull(address, "address is null");
        if (prefixLength < 0 || prefixLength > address.family().bits()) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + address);
        }
    }

    /** {@code address/prefix}; empty unless both parts are valid. */
    public static Optional<IpNet> parseCidr(String text) {
        requireNonNull(text, "text is null");
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String prefix = text.substring(slash + 1);
        if (!PREFIX.matcher(prefix).matches()) {
            return Optional.empty();
        }
        int length = Integer.parseInt(prefix);
        return parsePlain(text.substring(0, slash))
                .filter(address -> length <= address.family().bits())
                .map(address -> new IpNet(address, length));
    }

    /** A CIDR, or a plain address taken as a single-address network. */
    public static Optional<IpNet> parseCidrOrAddress(String text) {
        return text.indexOf('/') >= 0 ? parseCidr(text) : parseAddress(text);
    }

    /** A plain address (no prefix), as a /32 or /128. */
    public static Optional<IpNet> parseAddress(String text) {
        requireNonNull(text, "text is null");
        return parsePlain(text).map(address -> new IpNet(address, address.family().bits()));
    }

    /** The datastore's strict address syntax (no leading zeros, no zones, no IPv4-mapped IPv6). */
    private static Optional<IpAddr> parsePlain(String text) {
        try {
            return Optional.of(IpAddr.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 4 or 6. */
    public int family() {
        return address.family() == IpFamily.V4 ? 4 : 6;
    }

    /** Bits in an address of this family: 32 or 128. */
    public int bits() {
        return address.family().bits();
    }

    /** The address without prefix, in canonical text. */
    public String addressText() {
        return address.toString();
    }

    /** True when no host bits are set, i.e. this is the network itself. */
    public boolean isNetwork() {
        return equals(network());
    }

    /** The network this address lies in ({@code 10.0.2.15/24} gives {@code 10.0.2.0/24}). */
    public IpNet network() {
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits() - prefixLength).subtract(BigInteger.ONE);
        BigInteger network = address.toBigInteger().andNot(hostMask);
        return new IpNet(IpAddr.of(address.family(), network), prefixLength);
    }

    /** True when the two networks share any address. */
    public boolean overlaps(IpNet other) {
        if (other.address.family() != address.family()) {
            return false;
        }
        int shorter = Math.min(prefixLength, other.prefixLength);
        return new IpNet(address, shorter).network().equals(new IpNet(other.address, shorter).network());
    }

    /** {@code address/prefix} in canonical text. */
    @Override
    public String toString() {
        return addressText() + "/" + prefixLength;
    }
}
