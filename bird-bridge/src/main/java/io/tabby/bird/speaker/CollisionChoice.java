package io.tabby.bird.speaker;

import io.tabby.bird.session.CollisionDetection;
import io.tabby.bird.session.Negotiated;
import io.tabby.bird.session.SessionConfig;
import java.util.Optional;

/**
 * Picks which of a peer's two connections to close (RFC 4271 §6.8) once the peer's OPEN has
 * arrived on either, by {@link CollisionDetection}. Two connections opened from the same side
 * (the peer connected twice) keep the older one.
 */
final class CollisionChoice {
    private CollisionChoice() {
    }

    /** The attempt to close, or empty while the peer's identifier is unknown or nothing collides. */
    static Optional<Attempt> loser(Attempt primary, Attempt secondary, SessionConfig config) {
        Optional<Negotiated> known = primary.fsm.negotiated().or(secondary.fsm::negotiated);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (primary.outgoing == secondary.outgoing) {
            return Optional.of(secondary);
        }
        Attempt out = primary.outgoing ? primary : secondary;
        Attempt in = primary.outgoing ? secondary : primary;
        return CollisionDetection.resolve(config.routerId(), config.localAs(), known.get().peerRouterId(),
                        known.get().peerAs(), out.fsm.state(), in.fsm.state())
                .map(side -> side == CollisionDetection.Side.OUTGOING ? out : in);
    }
}
