package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.session.SessionState;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * One BGP protocol's state, as {@code birdc show protocols [all]} and {@code tabbyctl node status}
 * print it.
 *
 * @param name the protocol name ({@code Mesh_10_0_0_2})
 * @param neighbor the neighbour's address
 * @param neighborAs the neighbour's configured AS
 * @param enabled false after {@code disable}
 * @param state the FSM state of the connection that serves the peer
 * @param since when {@code state} last changed
 * @param lastError why the last connection ended (BIRD's info column: {@code Socket: ...},
 *     {@code Received: ...}), empty when none ended with an error
 * @param neighborRouterId the neighbour's BGP identifier, once a session was Established
 * @param routesImported paths from the neighbour in its Adj-RIB-In
 * @param routesExported prefixes the neighbour holds from us
 * @param session what the current session negotiated, while Established
 * @param endOfRib when the current session's End-of-RIB (RFC 4724 §2) had arrived and been applied
 *     to the RIB for every negotiated family; empty before that, while not Established, and for
 *     peers that never send one
 */
public record PeerStatus(String name, InetAddress neighbor, long neighborAs, boolean enabled, SessionState state,
        Instant since, Optional<String> lastError, Optional<InetAddress> neighborRouterId, long routesImported,
        long routesExported, Optional<SessionDetails> session, Optional<Instant> endOfRib) {

    /** A status without End-of-RIB (callers that do not track it). */
    public PeerStatus(String name, InetAddress neighbor, long neighborAs, boolean enabled, SessionState state,
            Instant since, Optional<String> lastError, Optional<InetAddress> neighborRouterId, long routesImported,
            long routesExported, Optional<SessionDetails> session) {
        this(name, neighbor, neighborAs, enabled, state, since, lastError, neighborRouterId, routesImported,
                routesExported, session, Optional.empty());
    }

    public PeerStatus {
        requireNonNull(name, "name is null");
        requireNonNull(neighbor, "neighbor is null");
        requireNonNull(state, "state is null");
        requireNonNull(since, "since is null");
        requireNonNull(lastError, "lastError is null");
        requireNonNull(neighborRouterId, "neighborRouterId is null");
        requireNonNull(session, "session is null");
        requireNonNull(endOfRib, "endOfRib is null");
    }

    public boolean established() {
        return state == SessionState.ESTABLISHED;
    }

    /** Established, and the peer has sent its whole table (End-of-RIB for every family). */
    public boolean synced() {
        return established() && endOfRib.isPresent();
    }
}
