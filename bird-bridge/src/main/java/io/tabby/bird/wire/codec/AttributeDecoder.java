package io.tabby.bird.wire.codec;

import static io.tabby.bird.wire.attr.AttributeType.FLAG_EXTENDED_LENGTH;
import static io.tabby.bird.wire.attr.AttributeType.FLAG_OPTIONAL;
import static io.tabby.bird.wire.attr.AttributeType.FLAG_TRANSITIVE;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MpUnreachNlri;
import io.tabby.bird.wire.attr.PathAttribute;
import io.tabby.bird.wire.attr.UnknownAttribute;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the path attribute field of one UPDATE (RFC 4271 §4.3) and sorts every attribute into
 * kept, discarded or spoiling the routes (RFC 7606 §3, §4), leaving the per-type value checks to
 * {@link AttributeValueDecoder}. One instance per UPDATE.
 */
final class AttributeDecoder {
    private final AttributeValueDecoder values;
    private final boolean[] seen = new boolean[256];
    final List<PathAttribute> attributes = new ArrayList<>();
    final List<AttributeDiscard> discarded = new ArrayList<>();
    MpReachNlri mpReach;
    MpUnreachNlri mpUnreach;
    /** Why the UPDATE's routes are to be withdrawn, or null (the first reason wins). */
    String withdrawReason;

    AttributeDecoder(SessionOptions options) {
        this.values = new AttributeValueDecoder(options, this);
    }

    void discard(int typeCode, String reason) {
        discarded.add(new AttributeDiscard(typeCode, reason));
    }

    void withdraw(int typeCode, String reason) {
        if (withdrawReason == null) {
            withdrawReason = AttributeType.name(typeCode) + ": " + reason;
        }
    }

    /** Reads all readable octets of {@code field}; fails only for errors that reset the session. */
    void parse(ByteBuf field) throws DecodeFailure {
        while (field.isReadable()) {
            int start = field.readerIndex();
            if (field.readableBytes() < 3) {
                withdraw(0, "fewer than 3 octets left for an attribute header (RFC 7606 §4)");
                return;
            }
            int flags = field.readUnsignedByte();
            int type = field.readUnsignedByte();
            boolean extended = (flags & FLAG_EXTENDED_LENGTH) != 0;
            if (extended && field.readableBytes() < 2) {
                withdraw(type, "extended-length header runs past the attribute field (RFC 7606 §4)");
                return;
            }
            int length = extended ? field.readUnsignedShort() : field.readUnsignedByte();
            if (length > field.readableBytes()) {
                withdraw(type, "length " + length + " runs past the attribute field (RFC 7606 §4)");
                return;
            }
            ByteBuf value = field.readSlice(length);
            one(flags, type, value, field, start);
        }
    }

    private void one(int flags, int type, ByteBuf value, ByteBuf field, int start) throws DecodeFailure {
        boolean multiprotocol = type == AttributeType.MP_REACH_NLRI || type == AttributeType.MP_UNREACH_NLRI;
        if (seen[type]) {
            if (multiprotocol) {
                throw new DecodeFailure(BgpError.MALFORMED_ATTRIBUTE_LIST,
                        AttributeType.name(type) + " appears twice (RFC 7606 §3 g)");
            }
            discard(type, "repeated; only the first is kept (RFC 7606 §3 g)");
            return;
        }
        seen[type] = true;
        int expected = AttributeType.expectedFlags(type);
        if (expected < 0) {
            if ((flags & FLAG_OPTIONAL) == 0) {
                throw new DecodeFailure(BgpError.UNRECOGNIZED_WELL_KNOWN_ATTRIBUTE,
                        whole(field, start), "unrecognized well-known attribute " + type);
            }
            attributes.add(new UnknownAttribute(flags & 0xe0, type, Bytes.read(value, value.readableBytes())));
            return;
        }
        if ((flags & (FLAG_OPTIONAL | FLAG_TRANSITIVE)) != expected) {
            String why = "flags 0x" + Integer.toHexString(flags) + " conflict with the attribute type (RFC 7606 §3 c)";
            if (multiprotocol) {
                throw new DecodeFailure(BgpError.ATTRIBUTE_FLAGS_ERROR, whole(field, start),
                        AttributeType.name(type) + ": " + why);
            } else if (type == AttributeType.AS4_PATH || type == AttributeType.AS4_AGGREGATOR) {
                discard(type, why);
            } else {
                withdraw(type, why);
            }
            return;
        }
        values.decode(type, value);
    }

    /** The whole attribute (header and value) as NOTIFICATION data. */
    private static Bytes whole(ByteBuf field, int start) {
        return Bytes.read(field.slice(start, field.readerIndex() - start), field.readerIndex() - start);
    }
}
