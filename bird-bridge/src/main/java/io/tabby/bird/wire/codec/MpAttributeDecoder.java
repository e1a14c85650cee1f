package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MpUnreachNlri;
import java.util.Optional;

/**
 * MP_REACH_NLRI and MP_UNREACH_NLRI values (RFC 4760 §3, §4). A malformed one resets the session
 * (RFC 7606 §7.11 allows "AFI/SAFI disable" instead; this engine routes two families and resets).
 * A family we do not route is discarded: we never offer one, so its prefixes mean nothing here.
 */
final class MpAttributeDecoder {
    private final SessionOptions options;
    private final AttributeDecoder out;

    MpAttributeDecoder(SessionOptions options, AttributeDecoder out) {
        this.options = options;
        this.out = out;
    }

    void reach(ByteBuf value) throws DecodeFailure {
        if (value.readableBytes() < 5) {
            throw malformed("MP_REACH_NLRI of " + value.readableBytes() + " octets is too short");
        }
        int afi = value.readUnsignedShort();
        int safi = value.readUnsignedByte();
        int nextHopLength = value.readUnsignedByte();
        if (value.readableBytes() < nextHopLength + 1) {
            throw malformed("MP_REACH_NLRI next hop of " + nextHopLength + " octets runs past the attribute");
        }
        Optional<AfiSafi> family = AfiSafi.fromCodes(afi, safi);
        if (family.isEmpty()) {
            out.discard(AttributeType.MP_REACH_NLRI, "AFI " + afi + " / SAFI " + safi + " is not a family we route");
            return;
        }
        if (!MpReachNlri.validNextHopLength(family.get().afi(), nextHopLength)) {
            throw malformed("MP_REACH_NLRI next hop length " + nextHopLength + " is wrong for " + family.get());
        }
        Bytes nextHop = Bytes.read(value, nextHopLength);
        value.skipBytes(1);
        PrefixList nlri = NlriCodec.read(value, value.readableBytes(), family.get(),
                options.addPath(family.get()), BgpError.OPTIONAL_ATTRIBUTE_ERROR, "MP_REACH_NLRI");
        out.mpReach = new MpReachNlri(nextHop, nlri);
    }

    void unreach(ByteBuf value) throws DecodeFailure {
        if (value.readableBytes() < 3) {
            throw malformed("MP_UNREACH_NLRI of " + value.readableBytes() + " octets is too short");
        }
        int afi = value.readUnsignedShort();
        int safi = value.readUnsignedByte();
        Optional<AfiSafi> family = AfiSafi.fromCodes(afi, safi);
        if (family.isEmpty()) {
            out.discard(AttributeType.MP_UNREACH_NLRI, "AFI " + afi + " / SAFI " + safi + " is not a family we route");
            return;
        }
        PrefixList withdrawn = NlriCodec.read(value, value.readableBytes(), family.get(),
                options.addPath(family.get()), BgpError.OPTIONAL_ATTRIBUTE_ERROR, "MP_UNREACH_NLRI");
        out.mpUnreach = new MpUnreachNlri(withdrawn);
    }

    private static DecodeFailure malformed(String reason) {
        return new DecodeFailure(BgpError.OPTIONAL_ATTRIBUTE_ERROR, reason + " (RFC 7606 §7.11)");
    }
}
