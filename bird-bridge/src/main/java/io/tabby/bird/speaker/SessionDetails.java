package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.session.Negotiated;
import io.tabby.bird.wire.AfiSafi;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

/**
 * What an Established session agreed on, for {@code birdc show protocols all} (BIRD's "Session:",
 * "Source address:", "Hold timer:" and "Keepalive timer:" lines).
 *
 * @param localAddress our end of the connection
 * @param holdTime the negotiated hold time (zero: none)
 * @param keepaliveTime the keepalive interval (zero: none)
 * @param families the families both sides offered
 * @param fourOctetAs RFC 6793 in use ("AS4")
 * @param addPathReceive families whose NLRI arrive with path ids ("add-path-rx")
 * @param addPathSend families whose NLRI leave with path ids ("add-path-tx")
 * @param routeRefresh both sides support ROUTE-REFRESH
 * @param gracefulRestart the peer advertised graceful restart
 */
public record SessionDetails(InetAddress localAddress, Duration holdTime, Duration keepaliveTime, Set<AfiSafi> families,
        boolean fourOctetAs, Set<AfiSafi> addPathReceive, Set<AfiSafi> addPathSend, boolean routeRefresh,
        boolean gracefulRestart) {

    public SessionDetails {
        requireNonNull(localAddress, "localAddress is null");
        requireNonNull(holdTime, "holdTime is null");
        requireNonNull(keepaliveTime, "keepaliveTime is null");
        families = Set.copyOf(families);
        addPathReceive = Set.copyOf(addPathReceive);
        addPathSend = Set.copyOf(addPathSend);
    }

    static SessionDetails of(Negotiated negotiated, InetAddress localAddress) {
        return new SessionDetails(localAddress, negotiated.holdTime(), negotiated.keepaliveTime(), negotiated.families(),
                negotiated.options().send().fourOctetAs(), negotiated.options().receive().addPath(),
                negotiated.options().send().addPath(), negotiated.routeRefresh(),
                negotiated.peerGracefulRestart().isPresent());
    }
}
