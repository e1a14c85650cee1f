package io.tabby.bird.session;

/**
 * The timers the FSM asks the transport to run. The FSM never reads a clock: it emits
 * {@link FsmAction.StartTimer} and {@link FsmAction.StopTimer}, and the transport feeds back
 * {@link FsmEvent.TimerExpired} on the session's own event loop.
 */
public enum TimerKind {
    /** BIRD's connect delay: from start to the first outgoing connection attempt. */
    CONNECT_DELAY,
    /** RFC 4271 ConnectRetryTimer: how long one connection attempt may take, and the pause after a failed one. */
    CONNECT_RETRY,
    /** RFC 4271 HoldTimer: the large OPEN hold time in OpenSent, then the negotiated hold time. */
    HOLD,
    /** RFC 4271 KeepaliveTimer: one third of the negotiated hold time unless configured lower. */
    KEEPALIVE,
    /** RFC 4271 IdleHoldTimer: BIRD's error wait before an automatic restart after an error. */
    IDLE_HOLD,
    /** BIRD's error forget time: once the session stays Established this long, the error wait resets. */
    STABLE,
    /** RFC 4724 §4.2: the peer's advertised restart time, while its routes are stale and it is away. */
    GR_RESTART,
    /** RFC 4724 §4.2: upper bound on keeping stale routes after the peer is back, waiting for End-of-RIB. */
    GR_STALE;

    /**
     * Whether the timer belongs to the peer rather than to one connection: the transport keeps it
     * across connections and feeds its expiry to whichever FSM currently serves the peer.
     */
    public boolean peerScoped() {
        return switch (this) {
            case GR_RESTART, GR_STALE -> true;
            case CONNECT_DELAY, CONNECT_RETRY, HOLD, KEEPALIVE, IDLE_HOLD, STABLE -> false;
        };
    }
}
