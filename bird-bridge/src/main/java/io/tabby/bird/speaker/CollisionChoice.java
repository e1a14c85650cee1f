package io.tabby.bird.speaker;

import io.tabby.bird.session.CollisionDetection;
import io.tabby.bird.session.Negotiated;
import io.tabby.bird.session.SessionConfig;
import io.tabby.bird.session.SessionState;
import io.tabby.bird.wire.message.Open;
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

    /**
     * Whether the peer's OPEN, arriving on {@code owner} (still in OpenSent) while {@code other}
     * holds the peer's other connection, makes {@code owner} the one to close (RFC 4271 §6.8, on
     * receipt of the OPEN): {@code owner} is judged in the OpenConfirm state it would enter.
     */
    static boolean losesOnArrival(Attempt owner, Attempt other, Open open, SessionConfig config) {
        if (other == null || other.discarded || other.outgoing == owner.outgoing
                || owner.fsm.state() != SessionState.OPEN_SENT) {
            return false;
        }
        SessionState outState = owner.outgoing ? SessionState.OPEN_CONFIRM : other.fsm.state();
        SessionState inState = owner.outgoing ? other.fsm.state() : SessionState.OPEN_CONFIRM;
        CollisionDetection.Side ownerSide = owner.outgoing ? CollisionDetection.Side.OUTGOING
                : CollisionDetection.Side.INCOMING;
        return CollisionDetection.resolve(config.routerId(), config.localAs(), open.bgpIdentifier(), open.peerAs(),
                outState, inState).map(side -> side == ownerSide).orElse(false);
    }
}
