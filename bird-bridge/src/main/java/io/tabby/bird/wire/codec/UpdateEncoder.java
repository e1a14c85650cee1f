package io.tabby.bird.wire.codec;

import io.netty.buffer.ByteBuf;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.attr.Aggregator;
import io.tabby.bird.wire.attr.As4Aggregator;
import io.tabby.bird.wire.attr.As4Path;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.PathAttribute;
import io.tabby.bird.wire.message.Update;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes an UPDATE body. MP_REACH_NLRI and MP_UNREACH_NLRI go first (RFC 7606 §5.1, so a receiver
 * can still find the prefixes if a later attribute is damaged), then the attribute set in type
 * order. On a 2-octet AS session, AS4_PATH and AS4_AGGREGATOR are added where an AS number does not
 * fit in 2 octets (RFC 6793 §4.2.2).
 */
final class UpdateEncoder {
    private final SessionOptions options;
    private final AttributeEncoder attributes;

    UpdateEncoder(SessionOptions options) {
        this.options = options;
        this.attributes = new AttributeEncoder(options);
    }

    void write(Update update, ByteBuf out) {
        boolean v4AddPath = options.addPath(AfiSafi.IPV4_UNICAST);
        int withdrawnAt = out.writerIndex();
        out.writeShort(0);
        NlriCodec.write(update.withdrawn(), v4AddPath, out);
        out.setShort(withdrawnAt, out.writerIndex() - withdrawnAt - 2);

        int attributesAt = out.writerIndex();
        out.writeShort(0);
        update.mpReach().ifPresent(reach -> attributes.write(reach, out));
        update.mpUnreach().ifPresent(unreach -> attributes.write(unreach, out));
        for (PathAttribute attribute : withAs4(update.attributes().attributes())) {
            attributes.write(attribute, out);
        }
        out.setShort(attributesAt, out.writerIndex() - attributesAt - 2);

        NlriCodec.write(update.nlri(), v4AddPath, out);
    }

    private List<PathAttribute> withAs4(List<PathAttribute> set) {
        if (options.fourOctetAs()) {
            return set;
        }
        List<PathAttribute> all = new ArrayList<>(set);
        for (PathAttribute attribute : set) {
            if (attribute instanceof AsPath path && path.hasFourOctetAsns()) {
                all.add(new As4Path(path.segments().stream().filter(s -> !s.type().isConfederation()).toList()));
            } else if (attribute instanceof Aggregator aggregator && aggregator.asn() > 0xffff) {
                all.add(new As4Aggregator(aggregator.asn(), aggregator.address()));
            }
        }
        all.sort(Comparator.comparingInt(PathAttribute::typeCode));
        return all;
    }
}
