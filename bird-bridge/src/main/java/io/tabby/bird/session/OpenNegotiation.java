package io.tabby.bird.session;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.codec.BgpError;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.codec.NegotiatedOptions;
import io.tabby.bird.wire.codec.OpenChecks;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a received OPEN against the configuration and our own OPEN, and works out what the
 * session negotiated (RFC 4271 §4.2, §6.2; RFC 5492; RFC 4760).
 */
public final class OpenNegotiation {
    private OpenNegotiation() {
    }

    public static OpenOutcome negotiate(SessionConfig config, Open local, Open remote) {
        int peerHold = remote.holdTime();
        if (peerHold == 1 || peerHold == 2) {
            return new OpenOutcome.Rejected(new DecodeResult.SessionReset(BgpError.UNACCEPTABLE_HOLD_TIME, Bytes.EMPTY,
                    "hold time " + peerHold + " s offered by the peer is below 3 s"));
        }
        Optional<DecodeResult.SessionReset> identity =
                OpenChecks.check(remote, config.peerAs(), config.localAs(), config.routerId());
        if (identity.isPresent()) {
            return new OpenOutcome.Rejected(identity.get());
        }
        Set<AfiSafi> families = commonFamilies(config.families(), remote);
        if (families.isEmpty()) {
            return new OpenOutcome.Rejected(new DecodeResult.SessionReset(BgpError.UNSUPPORTED_CAPABILITY,
                    multiprotocolCapabilities(config.families()),
                    "the peer offers none of the configured families " + config.families()));
        }
        long hold = Math.min(config.holdTime().toSeconds(), peerHold);
        long keepalive = hold == 0 ? 0 : config.keepaliveTime().map(Duration::toSeconds)
                .map(k -> Math.min(k, hold / 3)).orElse(hold / 3);
        boolean routeRefresh = remote.capability(Capability.RouteRefreshSupport.class).isPresent()
                && local.capability(Capability.RouteRefreshSupport.class).isPresent();
        return new OpenOutcome.Accepted(new Negotiated(local, remote, NegotiatedOptions.of(local, remote), families,
                Duration.ofSeconds(hold), Duration.ofSeconds(keepalive), routeRefresh));
    }

    /** Our families the peer also offers; a peer without multiprotocol capabilities offers IPv4 unicast. */
    private static Set<AfiSafi> commonFamilies(Set<AfiSafi> ours, Open remote) {
        List<Capability.MultiProtocol> offered = remote.capabilities().stream()
                .filter(Capability.MultiProtocol.class::isInstance).map(Capability.MultiProtocol.class::cast).toList();
        Set<AfiSafi> theirs = new HashSet<>();
        if (offered.isEmpty()) {
            theirs.add(AfiSafi.IPV4_UNICAST);
        }
        offered.forEach(mp -> mp.family().ifPresent(theirs::add));
        theirs.retainAll(ours);
        return theirs;
    }

    /** NOTIFICATION 2/7 data: the capabilities the peer lacks, code/length/value (RFC 5492 §3). */
    private static Bytes multiprotocolCapabilities(Set<AfiSafi> families) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        families.stream().sorted((a, b) -> Integer.compare(a.afi().code(), b.afi().code())).forEach(f -> {
            out.writeBytes(new byte[] {Capability.MULTIPROTOCOL, 4, (byte) (f.afi().code() >>> 8), (byte) f.afi().code(),
                    0, (byte) f.safi().code()});
        });
        return Bytes.of(out.toByteArray());
    }
}
