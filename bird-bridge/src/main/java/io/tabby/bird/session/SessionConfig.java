package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One BGP session's configuration, as a {@code protocol bgp} block of bird.cfg gives it. Build one
 * with {@link #builder}, which starts from BIRD 1.6's defaults (calico-facts §11); the confd
 * templates override the timers with Calico's values.
 *
 * @param localAs our AS (1..4294967295)
 * @param routerId our BGP identifier, a non-zero IPv4 address as an int
 * @param peerAddress where the peer is; the FSM only carries it for the transport
 * @param peerAs the AS the peer must announce (RFC 4271 §6.2, 2/2 otherwise)
 * @param holdTime hold time we offer: 0 (no keepalives) or 3..65535 s
 * @param keepaliveTime keepalive interval if configured, else a third of the negotiated hold time
 * @param openHoldTime hold time while waiting for the peer's OPEN (RFC 4271 suggests 4 minutes;
 *     BIRD's {@code startup hold time})
 * @param connectDelay from start to the first outgoing connection attempt
 * @param connectRetry how long an attempt may take, and the pause after a failed one
 * @param errorWaitMin first wait before an automatic restart after an error
 * @param errorWaitMax the wait doubles per error up to this
 * @param errorForget an Established period this long forgets earlier errors
 * @param passive never connect out; wait for the peer
 * @param families the address families offered (multiprotocol capability, RFC 4760)
 * @param gracefulRestart our graceful restart role (RFC 4724)
 * @param gracefulRestartTime the restart time we advertise, 0..4095 s
 * @param staleTime how long a returning peer's stale routes wait for End-of-RIB
 * @param addPath the ADD-PATH directions offered for every family (RFC 7911)
 * @param extendedMessage offer messages up to 65535 octets (RFC 8654)
 */
public record SessionConfig(
        long localAs,
        int routerId,
        InetAddress peerAddress,
        long peerAs,
        Duration holdTime,
        Optional<Duration> keepaliveTime,
        Duration openHoldTime,
        Duration connectDelay,
        Duration connectRetry,
        Duration errorWaitMin,
        Duration errorWaitMax,
        Duration errorForget,
        boolean passive,
        Set<AfiSafi> families,
        GracefulRestartMode gracefulRestart,
        Duration gracefulRestartTime,
        Duration staleTime,
        AddPathMode addPath,
        boolean extendedMessage) {

    private static final long MAX_AS = 0xffffffffL;

    public SessionConfig {
        requireNonNull(peerAddress, "peerAddress is null");
        requireNonNull(keepaliveTime, "keepaliveTime is null");
        families = Set.copyOf(requireNonNull(families, "families is null"));
        requireNonNull(gracefulRestart, "gracefulRestart is null");
        requireNonNull(addPath, "addPath is null");
        checkAs("local as", localAs);
        checkAs("neighbor as", peerAs);
        if (routerId == 0) {
            throw new IllegalArgumentException("router id 0.0.0.0 is not a valid BGP identifier: set a non-zero router id");
        }
        long hold = wholeSeconds("hold time", holdTime, 0, 65535);
        if (hold == 1 || hold == 2) {
            throw new IllegalArgumentException("hold time " + hold + " s is not allowed: use 0 or 3..65535 s (RFC 4271 §4.2)");
        }
        keepaliveTime.ifPresent(k -> {
            long seconds = wholeSeconds("keepalive time", k, 1, 65535);
            if (hold != 0 && seconds >= hold) {
                throw new IllegalArgumentException("keepalive time " + seconds + " s must be less than hold time " + hold + " s");
            }
        });
        wholeSeconds("startup hold time", openHoldTime, 3, 65535);
        nonNegative("connect delay time", connectDelay);
        positive("connect retry time", connectRetry);
        positive("error wait time (minimum)", errorWaitMin);
        positive("error wait time (maximum)", errorWaitMax);
        if (errorWaitMax.compareTo(errorWaitMin) < 0) {
            throw new IllegalArgumentException("error wait time " + errorWaitMin.toSeconds() + "," + errorWaitMax.toSeconds()
                    + ": the maximum must not be below the minimum");
        }
        positive("error forget time", errorForget);
        if (families.isEmpty()) {
            throw new IllegalArgumentException("no address family configured for neighbor " + peerAddress.getHostAddress()
                    + ": configure IPv4 or IPv6 unicast");
        }
        wholeSeconds("graceful restart time", gracefulRestartTime, 0, 4095);
        positive("graceful restart stale time", staleTime);
    }

    /** A builder holding BIRD 1.6's defaults for everything but the four identities. */
    public static SessionConfigBuilder builder(long localAs, int routerId, InetAddress peerAddress, long peerAs) {
        return new SessionConfigBuilder(localAs, routerId, peerAddress, peerAs);
    }

    /** Whether the peer is in another AS. */
    public boolean external() {
        return localAs != peerAs;
    }

    private static void checkAs(String what, long asn) {
        if (asn < 1 || asn > MAX_AS) {
            throw new IllegalArgumentException(what + " " + asn + " is outside 1..4294967295");
        }
    }

    private static long wholeSeconds(String what, Duration value, long min, long max) {
        requireNonNull(value, what + " is null");
        long seconds = value.toSeconds();
        if (value.toNanosPart() != 0 || seconds < min || seconds > max) {
            throw new IllegalArgumentException(what + " " + value + " must be whole seconds in " + min + ".." + max);
        }
        return seconds;
    }

    private static void nonNegative(String what, Duration value) {
        requireNonNull(value, what + " is null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " " + value + " must not be negative");
        }
    }

    private static void positive(String what, Duration value) {
        requireNonNull(value, what + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " " + value + " must be positive");
        }
    }
}
