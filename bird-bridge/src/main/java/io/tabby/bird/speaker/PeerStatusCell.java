package io.tabby.bird.speaker;

import io.tabby.bird.session.SessionState;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * The live status of one peer: the session fields are written by the peer's event loop, the route
 * counts by the RIB thread, and anyone reads a {@link PeerStatus} snapshot.
 */
final class PeerStatusCell {
    private final String name;
    private final InetAddress neighbor;
    private final long neighborAs;
    private volatile boolean enabled = true;
    private volatile SessionState state = SessionState.IDLE;
    private volatile Instant since;
    private volatile String lastError;
    private volatile InetAddress neighborRouterId;
    private volatile long imported;
    private volatile long exported;
    private volatile SessionDetails session;

    PeerStatusCell(String name, InetAddress neighbor, long neighborAs, Instant created) {
        this.name = name;
        this.neighbor = neighbor;
        this.neighborAs = neighborAs;
        this.since = created;
    }

    /** Records the FSM state; {@code since} moves only when the state changes. */
    void state(SessionState value, Instant now) {
        if (value != SessionState.ESTABLISHED) {
            session = null;
        }
        if (value != state) {
            state = value;
            since = now;
        }
    }

    /** The Established session's details, or null when there is none. */
    void session(SessionDetails value) {
        session = value;
    }

    void enabled(boolean value) {
        enabled = value;
    }

    void lastError(String value) {
        lastError = value;
    }

    void neighborRouterId(InetAddress value) {
        neighborRouterId = value;
    }

    void counts(long importedRoutes, long exportedRoutes) {
        imported = importedRoutes;
        exported = exportedRoutes;
    }

    PeerStatus snapshot() {
        return new PeerStatus(name, neighbor, neighborAs, enabled, state, since, Optional.ofNullable(lastError),
                Optional.ofNullable(neighborRouterId), imported, exported, Optional.ofNullable(session));
    }
}
