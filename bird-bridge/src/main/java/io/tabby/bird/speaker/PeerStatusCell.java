package io.tabby.bird.speaker;

import io.tabby.bird.session.SessionState;
import io.tabby.bird.wire.AfiSafi;
import java.net.InetAddress;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

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
    /** Families of the current session whose End-of-RIB has not been applied yet; guarded by this. */
    private final Set<AfiSafi> endOfRibDue = new HashSet<>();
    /** Whether a session is waiting for End-of-RIB; guarded by this. */
    private boolean awaitingEndOfRib;
    private volatile Instant endOfRib;

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
            clearEndOfRib();
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

    /** A session came up with {@code families}: End-of-RIB is due for each (peer's loop). */
    synchronized void awaitEndOfRib(Set<AfiSafi> families) {
        endOfRibDue.clear();
        endOfRibDue.addAll(families);
        awaitingEndOfRib = !families.isEmpty();
        endOfRib = null;
    }

    /** The RIB has applied the peer's End-of-RIB for {@code family} (RIB thread). */
    synchronized void endOfRibApplied(AfiSafi family, Instant now) {
        if (awaitingEndOfRib && endOfRibDue.remove(family) && endOfRibDue.isEmpty()) {
            awaitingEndOfRib = false;
            endOfRib = now;
        }
    }

    private synchronized void clearEndOfRib() {
        endOfRibDue.clear();
        awaitingEndOfRib = false;
        endOfRib = null;
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
                Optional.ofNullable(neighborRouterId), imported, exported, Optional.ofNullable(session),
                Optional.ofNullable(endOfRib));
    }
}
