package io.tabby.bird.rib;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Update;
import io.tabby.bird.wire.attr.MpReachNlri;
import java.util.List;

/**
 * Splits prefixes that share one advert (or are all withdrawn) into as few UPDATEs as fit the
 * session's maximum message length (4096 octets, 65535 with RFC 8654). The fixed part of each
 * UPDATE is measured by encoding it once with no prefixes through the codec's own encoder, so
 * attribute sizes (4-octet AS, AS4_PATH) are exact; each prefix then adds its NLRI octets
 * (RFC 4271 §4.3, plus 4 for a path identifier under ADD-PATH, RFC 7911 §3). One octet is kept
 * spare for MP_REACH/MP_UNREACH, whose header grows to the extended length form past 255 octets.
 */
final class UpdatePacker {
    private final SessionOptions options;
    private final MessageEncoder encoder;

    UpdatePacker(SessionOptions options) {
        this.options = requireNonNull(options, "options is null");
        this.encoder = new MessageEncoder(options);
    }

    void announcements(AfiSafi family, Advert advert, List<Prefix> prefixes, List<Update> out) {
        boolean v4 = family.equals(AfiSafi.IPV4_UNICAST);
        PrefixList none = PrefixList.empty(family);
        int fixed = v4
                ? encodedLength(Update.announce(advert.attributes(), none))
                : encodedLength(Update.announce(advert.attributes(), new MpReachNlri(advert.mpNextHop(), none))) + 1;
        pack(family, prefixes, fixed, out, list -> v4
                ? Update.announce(advert.attributes(), list)
                : Update.announce(advert.attributes(), new MpReachNlri(advert.mpNextHop(), list)));
    }

    void withdrawals(AfiSafi family, List<Prefix> prefixes, List<Update> out) {
        boolean v4 = family.equals(AfiSafi.IPV4_UNICAST);
        int fixed = encodedLength(Update.endOfRib(family)) + (v4 ? 0 : 1);
        pack(family, prefixes, fixed, out, Update::withdraw);
    }

    int encodedLength(Update update) {
        ByteBuf buf = Unpooled.buffer(64);
        try {
            encoder.encode(update, buf);
            return buf.readableBytes();
        } finally {
            buf.release();
        }
    }

    private interface UpdateFactory {
        Update build(PrefixList prefixes);
    }

    private void pack(AfiSafi family, List<Prefix> prefixes, int fixed, List<Update> out, UpdateFactory factory) {
        int room = options.maxMessageLength() - fixed;
        boolean pathIds = options.addPath(family);
        PrefixList.Builder chunk = PrefixList.builder(family, pathIds);
        int used = 0;
        int pathIdLength = pathIds ? 4 : 0;
        for (int i = 0; i < prefixes.size(); i++) {
            Prefix prefix = prefixes.get(i);
            int length = pathIdLength + 1 + (prefix.length() + 7) / 8;
            if (length > room) {
                throw new IllegalStateException("attributes of " + fixed + " octets leave no room for " + prefix
                        + " in a " + options.maxMessageLength() + "-octet UPDATE");
            }
            if (used + length > room) {
                out.add(factory.build(chunk.build()));
                chunk = PrefixList.builder(family, pathIds);
                used = 0;
            }
            chunk.add(prefix, 0);
            used += length;
        }
        if (chunk.size() > 0) {
            out.add(factory.build(chunk.build()));
        }
    }
}
