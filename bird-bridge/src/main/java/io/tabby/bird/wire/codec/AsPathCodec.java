package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.message.Open;
import java.util.ArrayList;
import java.util.List;

/**
 * AS_PATH/AS4_PATH values (RFC 4271 §4.3, RFC 6793 §3): segments of type (1), count (1) and count
 * AS numbers of 2 or 4 octets each.
 */
final class AsPathCodec {
    private AsPathCodec() {
    }

    /** The segments in {@code value}, or null when malformed (RFC 7606 §7.2). */
    static List<AsPathSegment> read(ByteBuf value, int asnSize) {
        List<AsPathSegment> segments = new ArrayList<>();
        while (value.isReadable()) {
            if (value.readableBytes() < 2) {
                return null;
            }
            AsPathSegment.Type type = AsPathSegment.Type.fromCode(value.readUnsignedByte());
            int count = value.readUnsignedByte();
            if (type == null || count == 0 || value.readableBytes() < count * asnSize) {
                return null;
            }
            List<Long> asns = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                asns.add(asnSize == 4 ? value.readUnsignedInt() : (long) value.readUnsignedShort());
            }
            segments.add(new AsPathSegment(type, asns));
        }
        return segments;
    }

    static int encodedLength(List<AsPathSegment> segments, int asnSize) {
        return segments.stream().mapToInt(s -> 2 + s.asns().size() * asnSize).sum();
    }

    /** Writes the segments; with 2-octet AS numbers, those above 65535 become AS_TRANS. */
    static void write(List<AsPathSegment> segments, int asnSize, ByteBuf out) {
        for (AsPathSegment segment : segments) {
            out.writeByte(segment.type().code());
            out.writeByte(segment.asns().size());
            for (long asn : segment.asns()) {
                if (asnSize == 4) {
                    out.writeInt((int) asn);
                } else {
                    out.writeShort(asn > 0xffff ? Open.AS_TRANS : (int) asn);
                }
            }
        }
    }
}
