package io.tabby.bird.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Reads numbers, addresses and prefixes out of word tokens. Addresses are parsed here, never by
 * {@link InetAddress#getByName}, so that nothing in a configuration can cause a DNS lookup.
 */
final class Literals {

    private Literals() {
    }

    static long number(Token token, long min, long max, String what) throws BirdConfigException {
        if (token.kind() != Token.Kind.WORD || !token.text().matches("[0-9]{1,10}")) {
            throw TokenStream.unexpected(token, what);
        }
        long value = Long.parseLong(token.text());
        if (value < min || value > max) {
            throw new BirdConfigException(token.position(),
                    what + " " + value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    static InetAddress address(Token token, RouterFamily family) throws BirdConfigException {
        InetAddress address = address(token);
        if (!family.accepts(address)) {
            throw new BirdConfigException(token.position(), family.refusal());
        }
        return address;
    }

    static NetPrefix prefix(Token token, RouterFamily family) throws BirdConfigException {
        NetPrefix prefix = prefix(token);
        if (!family.accepts(prefix.address())) {
            throw new BirdConfigException(token.position(), family.refusal());
        }
        return prefix;
    }

    private static InetAddress address(Token token) throws BirdConfigException {
        byte[] bytes = token.kind() == Token.Kind.WORD ? addressBytes(token.text()) : null;
        if (bytes == null) {
            throw new BirdConfigException(token.position(),
                    "expected an IPv4 or IPv6 address, found " + token.describe());
        }
        return fromBytes(bytes);
    }

    static Inet4Address ipv4(Token token, String what) throws BirdConfigException {
        byte[] bytes = token.kind() == Token.Kind.WORD ? ipv4Bytes(token.text()) : null;
        if (bytes == null) {
            throw new BirdConfigException(token.position(),
                    "expected " + what + " (an IPv4 address), found " + token.describe());
        }
        return (Inet4Address) fromBytes(bytes);
    }

    static boolean looksLikePrefix(Token token) {
        return token.kind() == Token.Kind.WORD && token.text().indexOf('/') > 0;
    }

    static boolean looksLikeAddress(Token token) {
        return token.kind() == Token.Kind.WORD && token.text().indexOf('/') < 0
                && addressBytes(token.text()) != null;
    }

    private static NetPrefix prefix(Token token) throws BirdConfigException {
        String text = token.text();
        int slash = text.indexOf('/');
        byte[] bytes = token.kind() == Token.Kind.WORD && slash > 0 ? addressBytes(text.substring(0, slash)) : null;
        String length = slash > 0 ? text.substring(slash + 1) : "";
        if (bytes == null || !length.matches("[0-9]{1,3}")) {
            throw new BirdConfigException(token.position(),
                    "expected a prefix such as 192.168.0.0/16 or fd00::/64, found " + token.describe());
        }
        try {
            return new NetPrefix(fromBytes(bytes), Integer.parseInt(length));
        } catch (IllegalArgumentException e) {
            throw new BirdConfigException(token.position(), "invalid prefix " + text + ": " + e.getMessage());
        }
    }

    private static InetAddress fromBytes(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 octets always make an address", e);
        }
    }

    private static byte[] addressBytes(String text) {
        return text.indexOf(':') >= 0 ? ipv6Bytes(text) : ipv4Bytes(text);
    }

    static byte[] ipv4Bytes(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}")) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6Bytes(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (gap >= 0 ? total > 7 : total != 8) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            put(bytes, i, headGroups[i]);
        }
        for (int i = 0; i < tailGroups.length; i++) {
            put(bytes, 8 - tailGroups.length + i, tailGroups[i]);
        }
        return bytes;
    }

    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9A-Fa-f]{1,4}")) {
                return null;
            }
            values[i] = Integer.parseInt(parts[i], 16);
        }
        return values;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[group * 2] = (byte) (value >>> 8);
        bytes[group * 2 + 1] = (byte) value;
    }

    static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }
}
