package io.tabby.bird.wire.codec;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.message.BgpMessage;
import java.util.Set;

/**
 * What one direction of an Established session negotiated, which decides how UPDATEs look on the
 * wire. A session has one for receiving and one for sending (ADD-PATH is negotiated per direction).
 *
 * @param fourOctetAs both sides sent the 4-octet AS capability (RFC 6793): AS numbers take 4 octets
 *     and AS4_PATH/AS4_AGGREGATOR are not used
 * @param addPath families whose NLRI carry a path identifier in this direction (RFC 7911)
 * @param extendedMessage both sides sent the extended message capability (RFC 8654)
 * @param external the peer is in another AS (eBGP): LOCAL_PREF, ORIGINATOR_ID and CLUSTER_LIST
 *     from it are discarded (RFC 4271 §5.1.5, RFC 7606 §7.5, §7.9, §7.10)
 */
public record SessionOptions(boolean fourOctetAs, Set<AfiSafi> addPath, boolean extendedMessage, boolean external) {
    /** Before negotiation: what RFC 4271 alone allows, for an iBGP peer. */
    public static final SessionOptions BASELINE = new SessionOptions(false, Set.of(), false, false);

    public SessionOptions {
        addPath = Set.copyOf(requireNonNull(addPath, "addPath is null"));
    }

    public boolean addPath(AfiSafi family) {
        return addPath.contains(family);
    }

    /** Largest UPDATE, NOTIFICATION or ROUTE-REFRESH this session carries. */
    public int maxMessageLength() {
        return extendedMessage ? BgpMessage.MAX_EXTENDED_LENGTH : BgpMessage.MAX_LENGTH;
    }

    public SessionOptions withFourOctetAs(boolean value) {
        return new SessionOptions(value, addPath, extendedMessage, external);
    }

    public SessionOptions withAddPath(Set<AfiSafi> value) {
        return new SessionOptions(fourOctetAs, value, extendedMessage, external);
    }

    public SessionOptions withExtendedMessage(boolean value) {
        return new SessionOptions(fourOctetAs, addPath, value, external);
    }

    public SessionOptions withExternal(boolean value) {
        return new SessionOptions(fourOctetAs, addPath, extendedMessage, value);
    }
}
