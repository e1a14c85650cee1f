package io.tabby.datastore.resource.format;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address with a prefix length: a CIDR ({@code 10.0.0.0/16}), an address in a subnet
 * ({@code 10.0.2.15/24}) or a single address ({@code /32}, {@code /128}). Parsing accepts only
 * plain literals: dotted-quad IPv4 without leading zeros, and IPv6 without zones (and not
 * IPv4-mapped).
 */
public final class IpNet {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    private final byte[] address;
    private final int prefixLength;

    private IpNet(byte[] address, int prefixLength) {
        this.address = address;
        this.prefixLength = prefixLength;
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
        return parseBytes(text.substring(0, slash))
                .filter(bytes -> length <= bytes.length * 8)
                .map(bytes -> new IpNet(bytes, length));
    }

    /** A CIDR, or a plain address taken as a single-address network. */
    public static Optional<IpNet> parseCidrOrAddress(String text) {
        return text.indexOf('/') >= 0 ? parseCidr(text) : parseAddress(text);
    }

    /** A plain address (no prefix), as a /32 or /128. */
    public static Optional<IpNet> parseAddress(String text) {
        requireNonNull(text, "text is null");
        return parseBytes(text).map(bytes -> new IpNet(bytes, bytes.length * 8));
    }

    private static Optional<byte[]> parseBytes(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = !v4 && text.indexOf(':') >= 0 && IPV6.matcher(text).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.ofLiteral(text).getAddress();
            // Java folds IPv4-mapped IPv6 literals to IPv4; Calico's data never holds them.
            return v6 && bytes.length == 4 ? Optional.empty() : Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 4 or 6. */
    public int family() {
        return address.length == 4 ? 4 : 6;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** Bits in an address of this family: 32 or 128. */
    public int bits() {
        return address.length * 8;
    }

    /** The address without prefix, in canonical text. */
    public String addressText() {
        return AddressText.format(address);
    }

    /** True when no host bits are set, i.e. this is the network itself. */
    public boolean isNetwork() {
        return Arrays.equals(address, network().address);
    }

    /** The network this address lies in ({@code 10.0.2.15/24} gives {@code 10.0.2.0/24}). */
    public IpNet network() {
        byte[] masked = address.clone();
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new IpNet(masked, prefixLength);
    }

    /** True when the two networks share any address. */
    public boolean overlaps(IpNet other) {
        if (other.address.length != address.length) {
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

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNet other && prefixLength == other.prefixLength && Arrays.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefixLength;
    }
}
