package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes an UPDATE body (RFC 4271 §4.3, §6.3 as revised by RFC 7606) into an {@link Update} whose
 * attribute set is interned, or into the error outcome the malformation calls for.
 */
final class UpdateDecoder {
    private final SessionOptions options;
    private final AttributeInterner interner;

    UpdateDecoder(SessionOptions options, AttributeInterner interner) {
        this.options = options;
        this.interner = interner;
    }

    DecodeResult decode(ByteBuf body) throws DecodeFailure {
        int bodyLength = body.readableBytes();
        if (bodyLength < 4) {
            throw new DecodeFailure(BgpError.MALFORMED_ATTRIBUTE_LIST, "UPDATE body of " + bodyLength + " octets");
        }
        int withdrawnLength = body.readUnsignedShort();
        if (withdrawnLength + 4 > bodyLength) {
            throw new DecodeFailure(BgpError.MALFORMED_ATTRIBUTE_LIST,
                    "withdrawn routes length " + withdrawnLength + " runs past the UPDATE");
        }
        boolean v4AddPath = options.addPath(AfiSafi.IPV4_UNICAST);
        PrefixList withdrawn = NlriCodec.read(body, withdrawnLength, AfiSafi.IPV4_UNICAST, v4AddPath,
                BgpError.INVALID_NETWORK_FIELD, "withdrawn routes");
        int attributesLength = body.readUnsignedShort();
        if (attributesLength > body.readableBytes()) {
            throw new DecodeFailure(BgpError.MALFORMED_ATTRIBUTE_LIST,
                    "total path attribute length " + attributesLength + " runs past the UPDATE");
        }
        ByteBuf attributeField = body.readSlice(attributesLength);
        // The NLRI field is located by the total attribute length alone (RFC 7606 §4), so read it
        // before the attributes: a treat-as-withdraw outcome needs its prefixes.
        PrefixList nlri = NlriCodec.read(body, body.readableBytes(), AfiSafi.IPV4_UNICAST, v4AddPath,
                BgpError.INVALID_NETWORK_FIELD, "NLRI");
        AttributeDecoder attributes = new AttributeDecoder(options);
        attributes.parse(attributeField);
        if (!options.fourOctetAs()) {
            As4Merge.apply(attributes.attributes, attributes.discarded);
        }
        boolean reachable = !nlri.isEmpty() || attributes.mpReach != null && !attributes.mpReach.nlri().isEmpty();
        if (reachable && attributes.withdrawReason == null) {
            checkMandatory(attributes, !nlri.isEmpty());
        }
        if (attributes.withdrawReason != null) {
            return new DecodeResult.TreatAsWithdraw(everyPrefix(withdrawn, nlri, attributes), attributes.withdrawReason);
        }
        Update update = new Update(withdrawn, interner.intern(AttributeSet.of(attributes.attributes)), nlri,
                Optional.ofNullable(attributes.mpReach), Optional.ofNullable(attributes.mpUnreach));
        return new DecodeResult.Decoded(update, attributes.discarded);
    }

    /** RFC 7606 §3 d: a missing well-known mandatory attribute spoils the routes, not the session. */
    private static void checkMandatory(AttributeDecoder attributes, boolean ipv4Nlri) {
        boolean origin = false;
        boolean asPath = false;
        boolean nextHop = false;
        for (var attribute : attributes.attributes) {
            origin |= attribute.typeCode() == AttributeType.ORIGIN;
            asPath |= attribute.typeCode() == AttributeType.AS_PATH;
            nextHop |= attribute.typeCode() == AttributeType.NEXT_HOP;
        }
        if (!origin) {
            attributes.withdraw(AttributeType.ORIGIN, "missing well-known mandatory attribute (RFC 7606 §3 d)");
        } else if (!asPath) {
            attributes.withdraw(AttributeType.AS_PATH, "missing well-known mandatory attribute (RFC 7606 §3 d)");
        } else if (ipv4Nlri && !nextHop) {
            attributes.withdraw(AttributeType.NEXT_HOP, "missing with IPv4 NLRI present (RFC 7606 §3 d)");
        }
    }

    private static List<PrefixList> everyPrefix(PrefixList withdrawn, PrefixList nlri, AttributeDecoder attributes) {
        List<PrefixList> all = new ArrayList<>(4);
        for (PrefixList list : new PrefixList[] {withdrawn, nlri}) {
            if (!list.isEmpty()) {
                all.add(list);
            }
        }
        if (attributes.mpReach != null && !attributes.mpReach.nlri().isEmpty()) {
            all.add(attributes.mpReach.nlri());
        }
        if (attributes.mpUnreach != null && !attributes.mpUnreach.withdrawn().isEmpty()) {
            all.add(attributes.mpUnreach.withdrawn());
        }
        return all;
    }
}
