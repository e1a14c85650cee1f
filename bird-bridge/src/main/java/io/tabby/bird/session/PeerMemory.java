package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

/**
 * What a peer's sessions remember across connections: the error wait, the graceful restart
 * helper state (stale families) with its peer-scoped timers ({@link TimerKind#peerScoped()}), and
 * whether our next OPEN carries the Restart State bit. The transport makes one per configured
 * peer and hands it to every {@link SessionFsm} of that peer, so that the FSM of an incoming
 * connection that wins a collision (RFC 4271 §6.8) carries on where the other left off. Not
 * thread-safe: it belongs to the peer's event loop, like the FSMs.
 */
public final class PeerMemory {
    private final ErrorWait errorWait;
    private final GracefulRestartState gracefulRestart;
    private final RunningTimers peerTimers = new RunningTimers();
    private boolean restarting;

    /**
     * @param restartedLocally set the Restart State bit in our OPENs until the first Established
     *     (RFC 4724 §4.1), for a daemon that restarted with graceful restart on
     */
    public PeerMemory(SessionConfig config, boolean restartedLocally) {
        requireNonNull(config, "config is null");
        this.errorWait = new ErrorWait(config.errorWaitMin(), config.errorWaitMax());
        this.gracefulRestart = new GracefulRestartState(config.staleTime());
        this.restarting = restartedLocally && config.gracefulRestart() == GracefulRestartMode.ON;
    }

    ErrorWait errorWait() {
        return errorWait;
    }

    GracefulRestartState gracefulRestart() {
        return gracefulRestart;
    }

    RunningTimers peerTimers() {
        return peerTimers;
    }

    boolean restarting() {
        return restarting;
    }

    void established() {
        restarting = false;
    }
}
