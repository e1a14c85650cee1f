package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * An IP network: a network address and a prefix length, host bits always zero (as Go's
 * {@code net.ParseCIDR} returns it). {@link #toString()} is the canonical text Calico writes
 * in JSON ({@code 192.168.0.0/16}); {@link #keySegment()} is the form used inside etcd keys,
 * where the {@code /} becomes {@code -} ({@code 192.168.0.0-16}, {@code fd80::-64}).
 *
 * @param network the network address; host bits are cleared by the constructor
 * @param prefixLength 0 to the family's width
 */
public record Cidr(IpAddr network, int prefixLength) {

    public Cidr {
        requireNonNull(network, "network is null");
        int bits = network.family().bits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException(
                    "prefix length " + prefixLength + " is out of range 0-" + bits + " for " + network.family());
        }
        network = IpAddr.of(network.family(), network.toBigInteger().and(mask(bits, prefixLength)));
    }

    /**
     * Parses {@code address/prefix}, clearing host bits ({@code 10.0.0.1/8} gives
     * {@code 10.0.0.0/8}, as Calico does).
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("CIDR is null");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "bad CIDR " + Quote.of(text) + ": no prefix length (expected <address>/<prefix length>)");
        }
        IpAddr address;
        try {
            address = IpAddr.parse(text.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad CIDR " + Quote.of(text) + ": " + e.getMessage(), e);
        }
        String prefixText = text.substring(slash + 1);
        int bits = address.family().bits();
        if (!isDecimal(prefixText)) {
            throw new IllegalArgumentException("bad CIDR " + Quote.of(text) + ": prefix length "
                    + Quote.of(prefixText) + " is not a number 0-" + bits);
        }
        int prefix = prefixText.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(prefixText);
        if (prefix > bits) {
            throw new IllegalArgumentException("bad CIDR " + Quote.of(text) + ": prefix length " + prefixText
                    + " is out of range 0-" + bits + " for " + address.family());
        }
        return new Cidr(address, prefix);
    }

    /** The network {@code address/prefixLength} with host bits cleared. */
    public static Cidr of(IpAddr address, int prefixLength) {
        return new Cidr(address, prefixLength);
    }

    /** The single-address network ({@code /32} or {@code /128}) of {@code address}. */
    public static Cidr host(IpAddr address) {
        return new Cidr(address, address.family().bits());
    }

    public IpFamily family() {
        return network.family();
    }

    /** True when {@code address} is inside this network. */
    public boolean contains(IpAddr address) {
        requireNonNull(address, "address is null");
        return address.family() == family()
                && address.toBigInteger().and(mask(family().bits(), prefixLength)).equals(network.toBigInteger());
    }

    /** True when every address of {@code other} is inside this network. */
    public boolean contains(Cidr other) {
        requireNonNull(other, "other is null");
        return other.prefixLength >= prefixLength && contains(other.network);
    }

    /** How many addresses the network spans: 2^(width - prefix length). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefixLength);
    }

    /**
     * The address {@code ordinal} places after the network address (ordinal 0 is the network
     * address itself), as IPAM numbers the addresses of a block.
     *
     * @throws IllegalArgumentException when the ordinal is outside the network
     */
    public IpAddr addressAt(long ordinal) {
        BigInteger offset = BigInteger.valueOf(ordinal);
        if (ordinal < 0 || offset.compareTo(size()) >= 0) {
            throw new IllegalArgumentException("ordinal " + ordinal + " is outside " + this);
        }
        return IpAddr.of(family(), network.toBigInteger().add(offset));
    }

    /**
     * The ordinal of {@code address} in this network, the inverse of {@link #addressAt(long)}.
     *
     * @throws IllegalArgumentException when the address is outside the network or the ordinal
     *     does not fit a {@code long}
     */
    public long ordinalOf(IpAddr address) {
        if (!contains(address)) {
            throw new IllegalArgumentException(address + " is outside " + this);
        }
        return address.toBigInteger().subtract(network.toBigInteger()).longValueExact();
    }

    /** The etcd key segment: the canonical text with its {@code /} replaced by {@code -}. */
    public String keySegment() {
        return network + "-" + prefixLength;
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    private static BigInteger mask(int bits, int prefixLength) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger host = BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
        return all.xor(host);
    }

    private static boolean isDecimal(String text) {
        if (text.isEmpty() || (text.length() > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
