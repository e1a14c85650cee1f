package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.message.Notification;
import java.util.Optional;

/**
 * Connection collision detection (RFC 4271 §6.8, RFC 6286 §2.3): when both speakers connect to
 * each other at once, the transport holds two connections to one peer, each with its own
 * {@link SessionFsm}. Once the peer's OPEN has arrived on one of them (so its identifier is known),
 * the transport asks {@link #resolve} which one to close, and feeds that FSM
 * {@link FsmEvent.OpenCollisionDump}, which sends Cease 6/7 (RFC 4486 "connection collision
 * resolution") and closes.
 *
 * <p>An Established connection always survives: a new connection colliding with it is closed (the
 * RFC's default without CollisionDetectEstablishedState). Otherwise, when both connections have
 * sent an OPEN, the connection opened by the speaker with the higher BGP identifier survives
 * (compared as unsigned 32-bit numbers); equal identifiers (possible between ASes, RFC 6286) are
 * decided by the higher AS. Connections that have not sent an OPEN yet do not collide.
 */
public final class CollisionDetection {
    /** RFC 4486 Cease subcode 7, connection collision resolution. */
    public static final Notification COLLISION_NOTIFICATION = new Notification(6, 7);

    private CollisionDetection() {
    }

    /** Which connection of a pair: initiated by us, or accepted from the peer. */
    public enum Side {
        OUTGOING,
        INCOMING
    }

    /**
     * The connection to close, if the two collide.
     *
     * @param localId our BGP identifier
     * @param remoteId the peer's BGP identifier, from the OPEN received
     * @param outgoing the state of the connection we initiated
     * @param incoming the state of the connection the peer initiated
     */
    public static Optional<Side> resolve(int localId, long localAs, int remoteId, long remoteAs, SessionState outgoing,
            SessionState incoming) {
        requireNonNull(outgoing, "outgoing is null");
        requireNonNull(incoming, "incoming is null");
        if (!outgoing.openSent() || !incoming.openSent()) {
            return Optional.empty();
        }
        if (outgoing == SessionState.ESTABLISHED && incoming == SessionState.ESTABLISHED) {
            throw new IllegalArgumentException("two Established connections to one peer: the collision was missed earlier");
        }
        if (outgoing == SessionState.ESTABLISHED) {
            return Optional.of(Side.INCOMING);
        }
        if (incoming == SessionState.ESTABLISHED) {
            return Optional.of(Side.OUTGOING);
        }
        int byId = Integer.compareUnsigned(localId, remoteId);
        boolean localWins = byId != 0 ? byId > 0 : localAs > remoteAs;
        // The winner's connection is the one the winner opened.
        return Optional.of(localWins ? Side.INCOMING : Side.OUTGOING);
    }
}
