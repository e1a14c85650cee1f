package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;

/**
 * One IPv4 or IPv6 address (no prefix length). {@link #toString()} is the canonical text Go's
 * {@code net.IP.String()} prints: dotted quad, or RFC 5952 compressed lower-case IPv6.
 *
 * @param value the address; single-valued, without a prefix length
 */
public record IpAddr(IPAddress value) {

    public IpAddr {
        requireNonNull(value, "value is null");
        if (value.isMultiple() || value.getNetworkPrefixLength() != null) {
            throw new IllegalArgumentException("not a single address without prefix length: " + value);
        }
        if (value.isIPv6() && value.toIPv6().isIPv4Mapped()) {
            throw new IllegalArgumentException("IPv4-mapped IPv6 address " + value + "; use the IPv4 address");
        }
    }

    /**
     * Parses plain address text: a dotted quad without leading zeros, or IPv6 text without a
     * zone. The result may print differently (IPv6 is canonicalised).
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static IpAddr parse(String text) {
        return new IpAddr(IpText.parseAddress(text));
    }

    /** The address of {@code family} whose numeric value is {@code value}. */
    public static IpAddr of(IpFamily family, BigInteger value) {
        requireNonNull(family, "family is null");
        requireNonNull(value, "value is null");
        if (value.signum() < 0 || value.bitLength() > family.bits()) {
            throw new IllegalArgumentException(value + " is out of range for " + family);
        }
        return switch (family) {
            case V4 -> new IpAddr(new IPv4Address(value.intValue()));
            case V6 -> new IpAddr(new IPv6Address(value));
        };
    }

    public IpFamily family() {
        return value.isIPv4() ? IpFamily.V4 : IpFamily.V6;
    }

    /** The address as an unsigned number. */
    public BigInteger toBigInteger() {
        return value.getValue();
    }

    @Override
    public String toString() {
        return value.toCanonicalString();
    }
}
