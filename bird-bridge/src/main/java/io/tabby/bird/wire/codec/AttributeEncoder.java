package io.tabby.bird.wire.codec;

import static io.tabby.bird.wire.attr.AttributeType.FLAG_EXTENDED_LENGTH;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.attr.Aggregator;
import io.tabby.bird.wire.attr.As4Aggregator;
import io.tabby.bird.wire.attr.As4Path;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AtomicAggregate;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.attr.ClusterList;
import io.tabby.bird.wire.attr.Communities;
import io.tabby.bird.wire.attr.LargeCommunities;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.MpUnreachNlri;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.attr.OriginatorId;
import io.tabby.bird.wire.attr.PathAttribute;
import io.tabby.bird.wire.attr.UnknownAttribute;
import io.tabby.bird.wire.message.Open;

/**
 * Writes one path attribute: flags, type, length (1 octet, or 2 with the extended-length bit when
 * the value exceeds 255 octets) and value. Known attributes get their RFC flags; AS numbers take
 * 2 or 4 octets as the session negotiated.
 */
final class AttributeEncoder {
    private final SessionOptions options;
    private final int asnSize;

    AttributeEncoder(SessionOptions options) {
        this.options = options;
        this.asnSize = options.fourOctetAs() ? 4 : 2;
    }

    void write(PathAttribute attribute, ByteBuf out) {
        int length = valueLength(attribute);
        int flags = attribute instanceof UnknownAttribute u ? u.flags() : AttributeType.expectedFlags(attribute.typeCode());
        if (length > 255) {
            out.writeByte(flags | FLAG_EXTENDED_LENGTH).writeByte(attribute.typeCode()).writeShort(length);
        } else {
            out.writeByte(flags).writeByte(attribute.typeCode()).writeByte(length);
        }
        writeValue(attribute, out);
    }

    private int valueLength(PathAttribute attribute) {
        return switch (attribute) {
            case Origin _ -> 1;
            case AsPath a -> AsPathCodec.encodedLength(a.segments(), asnSize);
            case As4Path a -> AsPathCodec.encodedLength(a.segments(), 4);
            case NextHop _, MultiExitDisc _, LocalPref _, OriginatorId _ -> 4;
            case AtomicAggregate _ -> 0;
            case Aggregator _ -> asnSize + 4;
            case As4Aggregator _ -> 8;
            case Communities c -> 4 * c.values().size();
            case LargeCommunities c -> 12 * c.values().size();
            case ClusterList c -> 4 * c.clusterIds().size();
            case MpReachNlri r -> 5 + r.nextHop().length()
                    + NlriCodec.encodedLength(r.nlri(), options.addPath(r.nlri().family()));
            case MpUnreachNlri u -> 3 + NlriCodec.encodedLength(u.withdrawn(), options.addPath(u.withdrawn().family()));
            case UnknownAttribute u -> u.value().length();
        };
    }

    private void writeValue(PathAttribute attribute, ByteBuf out) {
        switch (attribute) {
            case Origin o -> out.writeByte(o.kind().ordinal());
            case AsPath a -> AsPathCodec.write(a.segments(), asnSize, out);
            case As4Path a -> AsPathCodec.write(a.segments(), 4, out);
            case NextHop n -> out.writeInt(n.address());
            case MultiExitDisc m -> out.writeInt((int) m.value());
            case LocalPref l -> out.writeInt((int) l.value());
            case OriginatorId o -> out.writeInt(o.routerId());
            case AtomicAggregate _ -> { }
            case Aggregator a -> {
                writeAsn(a.asn(), out);
                out.writeInt(a.address());
            }
            case As4Aggregator a -> out.writeInt((int) a.asn()).writeInt(a.address());
            case Communities c -> c.values().forEach(out::writeInt);
            case LargeCommunities c -> c.values().forEach(v ->
                    out.writeInt((int) v.global()).writeInt((int) v.local1()).writeInt((int) v.local2()));
            case ClusterList c -> c.clusterIds().forEach(out::writeInt);
            case MpReachNlri r -> {
                out.writeShort(r.nlri().family().afi().code()).writeByte(r.nlri().family().safi().code());
                out.writeByte(r.nextHop().length());
                r.nextHop().writeTo(out);
                out.writeByte(0);
                NlriCodec.write(r.nlri(), options.addPath(r.nlri().family()), out);
            }
            case MpUnreachNlri u -> {
                out.writeShort(u.withdrawn().family().afi().code()).writeByte(u.withdrawn().family().safi().code());
                NlriCodec.write(u.withdrawn(), options.addPath(u.withdrawn().family()), out);
            }
            case UnknownAttribute u -> u.value().writeTo(out);
        }
    }

    private void writeAsn(long asn, ByteBuf out) {
        if (asnSize == 4) {
            out.writeInt((int) asn);
        } else {
            out.writeShort(asn > 0xffff ? Open.AS_TRANS : (int) asn);
        }
    }
}
