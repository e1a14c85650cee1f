package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An address with a prefix length, e.g. {@code 10.65.1.0/26} or {@code fd00::1/128}. The address
 * is kept as given (an interface address keeps its host bits); routes normalise with
 * {@link #network()}.
 */
public record IpPrefix(InetAddress address, int length) {

    public IpPrefix {
        requireNonNull(address, "address is null");
        int bits = familyOf(address).bits();
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range 0.." + bits
                    + " for " + format(address));
        }
    }

    /** Parses {@code ADDR/LEN}, a bare address (a host prefix) or iproute2's {@code default}. */
    public static IpPrefix parse(String text, IpFamily familyOfDefault) {
        requireNonNull(text, "text is null");
        if (text.equals("default")) {
            return new IpPrefix(parseAddress(familyOfDefault == IpFamily.V4 ? "0.0.0.0" : "::"), 0);
        }
        int slash = text.indexOf('/');
        InetAddress address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return new IpPrefix(address, familyOf(address).bits());
        }
        try {
            return new IpPrefix(address, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a prefix: the length after '/' is not a number", e);
        }
    }

    /** Parses {@code ADDR/LEN} or a bare address. */
    public static IpPrefix parse(String text) {
        return parse(text, IpFamily.V4);
    }

    /** A host prefix: /32 or /128. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, familyOf(address).bits());
    }

    /** Parses an IP literal without any name lookup. */
    public static InetAddress parseAddress(String literal) {
        requireNonNull(literal, "literal is null");
        try {
            return InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IPv4 or IPv6 address", e);
        }
    }

    public static IpFamily familyOf(InetAddress address) {
        return address instanceof Inet4Address ? IpFamily.V4 : IpFamily.V6;
    }

    public IpFamily family() {
        return familyOf(address);
    }

    /** The same prefix with the host bits cleared. */
    public IpPrefix network() {
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(bytes), length);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("address of " + bytes.length + " bytes", e);
        }
    }

    /** {@code ADDR/LEN}, the form iproute2 takes. */
    @Override
    public String toString() {
        return format(address) + "/" + length;
    }

    /**
     * The address as text, IPv6 in the short RFC 5952 form ({@code fd00::1}) that iproute2 prints,
     * rather than Java's {@code fd00:0:0:0:0:0:0:1}.
     */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
