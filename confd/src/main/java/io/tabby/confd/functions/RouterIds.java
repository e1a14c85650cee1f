package io.tabby.confd.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Calico's {@code hashToIPv4}: a router id from a node name, for nodes without an IPv4 address.
 * The first four bytes of SHA-256(name) as a dotted quad; a first octet above 223 (multicast and
 * reserved space, which BGP refuses as a router id) is lowered by 32.
 */
final class RouterIds {
    private RouterIds() {}

    static String hashToIPv4(String name) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        int first = Byte.toUnsignedInt(hash[0]);
        if (first > 223) {
            first -= 32;
        }
        return first + "." + Byte.toUnsignedInt(hash[1]) + "." + Byte.toUnsignedInt(hash[2]) + "."
                + Byte.toUnsignedInt(hash[3]);
    }
}
