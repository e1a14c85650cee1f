package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.codec.NegotiatedOptions;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What a session agreed on once both OPENs were exchanged.
 *
 * @param local the OPEN we sent
 * @param remote the OPEN the peer sent
 * @param options the codec options per direction (4-octet AS, ADD-PATH, extended messages)
 * @param families families both sides offered (IPv4 unicast implied when the peer sent no
 *     multiprotocol capability, RFC 4760 §8)
 * @param holdTime the smaller of both hold times; zero means no hold timer and no keepalives
 * @param keepaliveTime the keepalive interval; zero when the hold time is zero
 * @param routeRefresh both sides support ROUTE-REFRESH (RFC 2918)
 */
public record Negotiated(
        Open local,
        Open remote,
        NegotiatedOptions options,
        Set<AfiSafi> families,
        Duration holdTime,
        Duration keepaliveTime,
        boolean routeRefresh) {

    public Negotiated {
        requireNonNull(local, "local is null");
        requireNonNull(remote, "remote is null");
        requireNonNull(options, "options is null");
        families = Set.copyOf(requireNonNull(families, "families is null"));
        requireNonNull(holdTime, "holdTime is null");
        requireNonNull(keepaliveTime, "keepaliveTime is null");
    }

    /** The peer's AS, from its 4-octet AS capability when present. */
    public long peerAs() {
        return remote.peerAs();
    }

    /** The peer's BGP identifier. */
    public int peerRouterId() {
        return remote.bgpIdentifier();
    }

    /** The peer's graceful restart capability, if it sent one. */
    public Optional<Capability.GracefulRestart> peerGracefulRestart() {
        return remote.capability(Capability.GracefulRestart.class);
    }

    /** Whether we advertised graceful restart too, so the helper role applies. */
    public boolean localGracefulRestart() {
        return local.capability(Capability.GracefulRestart.class).isPresent();
    }
}
