package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.Afi;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;

/**
 * Reads and writes NLRI fields (RFC 4271 §4.3, RFC 4760 §5, RFC 7911 §3) straight between a
 * {@link ByteBuf} and a {@link PrefixList}, with no object per prefix.
 */
final class NlriCodec {
    private NlriCodec() {
    }

    /**
     * Reads exactly {@code length} readable octets of NLRI. A prefix length beyond the family's
     * maximum, or an entry that runs past the field, fails with {@code onError}.
     */
    static PrefixList read(ByteBuf in, int length, AfiSafi family, boolean addPath, BgpError onError, String field)
            throws DecodeFailure {
        PrefixList.Builder builder = PrefixList.builder(family, addPath);
        int end = in.readerIndex() + length;
        int maxBits = family.afi().maxPrefixLength();
        while (in.readerIndex() < end) {
            int pathId = 0;
            if (addPath) {
                if (end - in.readerIndex() < 5) {
                    throw new DecodeFailure(onError, field + ": path identifier and length run past the field");
                }
                pathId = in.readInt();
            }
            int bits = in.readUnsignedByte();
            if (bits > maxBits) {
                throw new DecodeFailure(onError, field + ": prefix length " + bits + " exceeds " + maxBits);
            }
            int octets = (bits + 7) / 8;
            if (end - in.readerIndex() < octets) {
                throw new DecodeFailure(onError, field + ": a /" + bits + " prefix runs past the field");
            }
            if (family.afi() == Afi.IPV4) {
                builder.addIpv4((int) readLeft(in, octets, 4), bits, pathId);
            } else {
                long high = readLeft(in, Math.min(octets, 8), 8);
                long low = octets > 8 ? readLeft(in, octets - 8, 8) : 0;
                builder.addIpv6(high, low, bits, pathId);
            }
        }
        return builder.build();
    }

    /** Reads {@code octets} big-endian octets into the top of a {@code width}-octet value. */
    private static long readLeft(ByteBuf in, int octets, int width) {
        long value = 0;
        for (int i = 0; i < octets; i++) {
            value = value << 8 | in.readUnsignedByte();
        }
        return octets == 0 ? 0 : value << (8 * (width - octets));
    }

    /** Octets {@link #write} will produce. */
    static int encodedLength(PrefixList prefixes, boolean addPath) {
        int total = 0;
        for (int i = 0; i < prefixes.size(); i++) {
            total += 1 + (prefixes.prefixLength(i) + 7) / 8 + (addPath ? 4 : 0);
        }
        return total;
    }

    /** Writes the entries, with path identifiers (0 where the list has none) when {@code addPath}. */
    static void write(PrefixList prefixes, boolean addPath, ByteBuf out) {
        boolean v4 = prefixes.family().afi() == Afi.IPV4;
        for (int i = 0; i < prefixes.size(); i++) {
            if (addPath) {
                out.writeInt(prefixes.pathId(i));
            }
            int bits = prefixes.prefixLength(i);
            int octets = (bits + 7) / 8;
            out.writeByte(bits);
            if (v4) {
                writeLeft(prefixes.ipv4Address(i) & 0xffffffffL, octets, 4, out);
            } else {
                writeLeft(prefixes.ipv6High(i), Math.min(octets, 8), 8, out);
                if (octets > 8) {
                    writeLeft(prefixes.ipv6Low(i), octets - 8, 8, out);
                }
            }
        }
    }

    private static void writeLeft(long value, int octets, int width, ByteBuf out) {
        for (int i = 0; i < octets; i++) {
            out.writeByte((int) (value >>> (8 * (width - 1 - i))));
        }
    }
}
