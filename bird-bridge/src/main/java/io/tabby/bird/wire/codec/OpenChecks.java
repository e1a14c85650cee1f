package io.tabby.bird.wire.codec;

import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.message.Open;
import java.util.Optional;

/**
 * The OPEN checks that need the session's configuration (RFC 4271 §6.2, RFC 6793 §4, RFC 6286):
 * the peer's AS must be the configured one, and an iBGP peer must not share our BGP identifier.
 */
public final class OpenChecks {
    private OpenChecks() {
    }

    /** The NOTIFICATION to answer {@code open} with, if the peer is not who the configuration says. */
    public static Optional<DecodeResult.SessionReset> check(Open open, long expectedPeerAs, long localAs,
            int localBgpIdentifier) {
        long peerAs = open.peerAs();
        if (peerAs != expectedPeerAs) {
            byte[] field = {(byte) (open.myAs() >>> 8), (byte) open.myAs()};
            return Optional.of(new DecodeResult.SessionReset(BgpError.BAD_PEER_AS, Bytes.of(field),
                    "peer AS " + peerAs + " is not the configured " + expectedPeerAs));
        }
        if (peerAs == localAs && open.bgpIdentifier() == localBgpIdentifier) {
            return Optional.of(new DecodeResult.SessionReset(BgpError.BAD_BGP_IDENTIFIER, Bytes.EMPTY,
                    "iBGP peer uses our own BGP identifier"));
        }
        return Optional.empty();
    }
}
