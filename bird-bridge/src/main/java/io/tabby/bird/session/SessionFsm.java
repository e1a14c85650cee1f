package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The BGP finite state machine of one connection to one peer (RFC 4271 §8), as a pure function
 * of events to actions: {@link #handle} takes an {@link FsmEvent} and returns the
 * {@link FsmAction}s to carry out, in order. It reads no clock and touches no socket. It is not
 * thread-safe; the transport owns it on the session's event loop, so keepalives and the hold
 * timer never wait for the RIB. See the package documentation for the state diagram.
 */
public final class SessionFsm {
    private static final Logger LOG = LogManager.getLogger(SessionFsm.class);
    private static final List<TimerKind> CONNECTION_TIMERS = List.of(TimerKind.CONNECT_DELAY, TimerKind.CONNECT_RETRY,
            TimerKind.HOLD, TimerKind.KEEPALIVE, TimerKind.STABLE);

    private final SessionConfig config;
    private final String peer;
    private final PeerMemory memory;
    private final ErrorWait errorWait;
    private final GracefulRestartState gracefulRestart;
    private final RunningTimers running = new RunningTimers();
    private SessionState state = SessionState.IDLE;
    private Open sentOpen;
    private Negotiated negotiated;
    private DownReason lastDown;

    /** An FSM in Idle for {@code config}, with a memory of its own. */
    public SessionFsm(SessionConfig config) {
        this(config, new PeerMemory(config, false));
    }

    /** An FSM in Idle sharing {@code memory} with the peer's other FSMs (see {@link PeerMemory}). */
    public SessionFsm(SessionConfig config, PeerMemory memory) {
        this.config = requireNonNull(config, "config is null");
        this.memory = requireNonNull(memory, "memory is null");
        this.peer = config.peerAddress().getHostAddress();
        this.errorWait = memory.errorWait();
        this.gracefulRestart = memory.gracefulRestart();
    }

    /** Processes one event; returns the actions to carry out, in order. */
    public List<FsmAction> handle(FsmEvent event) {
        requireNonNull(event, "event is null");
        if (event instanceof FsmEvent.TimerExpired(TimerKind kind) && !timers(kind).stop(kind)) {
            LOG.debug("{}: ignoring expiry of {}, which is no longer running", peer, kind);
            return List.of();
        }
        SessionState before = state;
        List<FsmAction> out = new ArrayList<>();
        dispatch(event, out);
        if (before != state) {
            LOG.debug("{}: {} -> {} on {}", peer, before, state, event);
        }
        return track(out);
    }

    public SessionState state() {
        return state;
    }

    public SessionConfig config() {
        return config;
    }

    /** What the current connection negotiated, from OpenConfirm on. */
    public Optional<Negotiated> negotiated() {
        return Optional.ofNullable(negotiated);
    }

    /** The error wait last applied (zero when no error is remembered). */
    public Duration errorWait() {
        return errorWait.current();
    }

    /** Why the last connection ended, for status output. */
    public Optional<DownReason> lastDown() {
        return Optional.ofNullable(lastDown);
    }

    /** Families whose routes from this peer are stale (graceful restart helper). */
    public Set<AfiSafi> staleFamilies() {
        return gracefulRestart.staleFamilies();
    }

    /** Timers this FSM believes are running. */
    public Set<TimerKind> runningTimers() {
        return Stream.concat(running.snapshot().stream(), memory.peerTimers().snapshot().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    private void dispatch(FsmEvent event, List<FsmAction> out) {
        switch (event) {
            case FsmEvent.ManualStart s -> {
                if (state == SessionState.IDLE) {
                    out.add(new FsmAction.StopTimer(TimerKind.IDLE_HOLD));
                    start(out);
                }
            }
            case FsmEvent.AutomaticStart s -> {
                if (state == SessionState.IDLE && !running.contains(TimerKind.IDLE_HOLD)) {
                    start(out);
                }
            }
            case FsmEvent.ManualStop s -> manualStop(out);
            case FsmEvent.TimerExpired(TimerKind kind) -> timerExpired(kind, out);
            case FsmEvent.TcpConnectionAcknowledged a -> connectionUp(out);
            case FsmEvent.TcpConnectionConfirmed c -> connectionUp(out);
            case FsmEvent.TcpConnectionFails(String detail) -> connectionFailed(detail, out);
            case FsmEvent.BgpOpenReceived(Open open) -> openReceived(open, out);
            case FsmEvent.BgpHeaderErr(DecodeResult.SessionReset reset) -> codecError(reset, out);
            case FsmEvent.BgpOpenMsgErr(DecodeResult.SessionReset reset) -> codecError(reset, out);
            case FsmEvent.UpdateMsgErr(DecodeResult.SessionReset reset) -> {
                if (state == SessionState.ESTABLISHED) {
                    codecError(reset, out);
                } else {
                    unexpectedMessage("malformed UPDATE", out);
                }
            }
            case FsmEvent.OpenCollisionDump d -> collisionDump(out);
            case FsmEvent.NotificationReceived(Notification notification) -> {
                if (notification.code() == CollisionDetection.COLLISION_NOTIFICATION.code()
                        && notification.subcode() == CollisionDetection.COLLISION_NOTIFICATION.subcode()) {
                    collisionClosedByPeer(out);
                } else if (state != SessionState.IDLE) {
                    drop(new DownReason.ReceivedNotification(notification), Optional.empty(), true, out);
                }
            }
            case FsmEvent.KeepaliveReceived k -> keepaliveReceived(out);
            case FsmEvent.UpdateReceived u -> {
                if (receivedInEstablished("UPDATE", out)) {
                    out.add(new FsmAction.DeliverUpdate(u.update()));
                    u.update().endOfRibFamily().ifPresent(family -> gracefulRestart.endOfRib(family, out));
                }
            }
            case FsmEvent.WithdrawReceived w -> {
                if (receivedInEstablished("UPDATE", out)) {
                    out.add(new FsmAction.DeliverWithdraw(w.withdraw()));
                }
            }
            case FsmEvent.RouteRefreshReceived r -> {
                if (receivedInEstablished("ROUTE-REFRESH", out)) {
                    // RFC 2918 §4: a request for a family not negotiated is ignored.
                    r.request().family().filter(negotiated.families()::contains)
                            .ifPresent(family -> out.add(new FsmAction.DeliverRouteRefresh(family)));
                }
            }
        }
    }

    private void start(List<FsmAction> out) {
        if (config.passive()) {
            state = SessionState.ACTIVE;
        } else if (config.connectDelay().isZero()) {
            connect(out);
        } else {
            out.add(new FsmAction.StartTimer(TimerKind.CONNECT_DELAY, config.connectDelay()));
            state = SessionState.ACTIVE;
        }
    }

    private void connect(List<FsmAction> out) {
        out.add(new FsmAction.Connect());
        out.add(new FsmAction.StartTimer(TimerKind.CONNECT_RETRY, config.connectRetry()));
        state = SessionState.CONNECT;
    }

    private void manualStop(List<FsmAction> out) {
        switch (state) {
            case IDLE -> out.add(new FsmAction.StopTimer(TimerKind.IDLE_HOLD));
            case CONNECT, ACTIVE -> {
                if (state == SessionState.CONNECT) {
                    out.add(new FsmAction.CloseConnection());
                }
                stopConnectionTimers(out);
                state = SessionState.IDLE;
                lastDown = new DownReason.LocalStop();
            }
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED ->
                    // RFC 4486: Cease, Administrative Shutdown.
                    drop(new DownReason.LocalStop(), Optional.of(new Notification(6, 2)), true, out);
        }
        gracefulRestart.flushAll(out);
    }

    private void timerExpired(TimerKind kind, List<FsmAction> out) {
        switch (kind) {
            case CONNECT_DELAY -> connect(out);
            case CONNECT_RETRY -> {
                if (state == SessionState.CONNECT) {
                    out.add(new FsmAction.CloseConnection());
                }
                connect(out);
            }
            case HOLD -> drop(new DownReason.SentNotification(new Notification(4, 0), "hold timer expired"),
                    Optional.of(new Notification(4, 0)), true, out);
            case KEEPALIVE -> {
                out.add(new FsmAction.SendKeepalive());
                out.add(new FsmAction.StartTimer(TimerKind.KEEPALIVE, negotiated.keepaliveTime()));
            }
            case IDLE_HOLD -> start(out);
            case STABLE -> errorWait.reset();
            case GR_RESTART, GR_STALE -> gracefulRestart.flushAll(out);
        }
    }

    private void connectionUp(List<FsmAction> out) {
        switch (state) {
            case IDLE -> out.add(new FsmAction.CloseConnection());
            case CONNECT, ACTIVE -> {
                out.add(new FsmAction.StopTimer(TimerKind.CONNECT_DELAY));
                out.add(new FsmAction.StopTimer(TimerKind.CONNECT_RETRY));
                sentOpen = LocalOpen.build(config, memory.restarting());
                out.add(new FsmAction.SendOpen(sentOpen));
                out.add(new FsmAction.StartTimer(TimerKind.HOLD, config.openHoldTime()));
                state = SessionState.OPEN_SENT;
            }
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED ->
                    LOG.warn("{}: a second connection reached the FSM in {}; collision detection needs its own FSM",
                            peer, state);
        }
    }

    private void connectionFailed(String detail, List<FsmAction> out) {
        switch (state) {
            case IDLE, ACTIVE -> {
            }
            case CONNECT, OPEN_SENT -> {
                // Not an error for the error wait: the connect retry time paces the next attempt
                // (BIRD goes back to Active; RFC 4271 does the same from OpenSent).
                if (state == SessionState.OPEN_SENT) {
                    out.add(new FsmAction.CloseConnection());
                }
                stopConnectionTimers(out);
                lastDown = new DownReason.ConnectionLost(detail);
                state = SessionState.ACTIVE;
                if (!config.passive()) {
                    out.add(new FsmAction.StartTimer(TimerKind.CONNECT_RETRY, config.connectRetry()));
                }
            }
            case OPEN_CONFIRM, ESTABLISHED -> drop(new DownReason.ConnectionLost(detail), Optional.empty(), false, out);
        }
    }

    private void openReceived(Open open, List<FsmAction> out) {
        switch (state) {
            case IDLE -> {
            }
            case CONNECT, ACTIVE, OPEN_CONFIRM, ESTABLISHED -> unexpectedMessage("OPEN", out);
            case OPEN_SENT -> {
                switch (OpenNegotiation.negotiate(config, sentOpen, open)) {
                    case OpenOutcome.Rejected(DecodeResult.SessionReset reset) -> codecError(reset, out);
                    case OpenOutcome.Accepted(Negotiated accepted) -> {
                        negotiated = accepted;
                        out.add(new FsmAction.SendKeepalive());
                        restartHold(out);
                        if (!accepted.keepaliveTime().isZero()) {
                            out.add(new FsmAction.StartTimer(TimerKind.KEEPALIVE, accepted.keepaliveTime()));
                        }
                        state = SessionState.OPEN_CONFIRM;
                    }
                }
            }
        }
    }

    private void keepaliveReceived(List<FsmAction> out) {
        switch (state) {
            case IDLE -> {
            }
            case CONNECT, ACTIVE, OPEN_SENT -> unexpectedMessage("KEEPALIVE", out);
            case OPEN_CONFIRM -> {
                restartHold(out);
                state = SessionState.ESTABLISHED;
                memory.established();
                LOG.info("{}: session established with AS {} ({})", peer, negotiated.peerAs(),
                        negotiated.families());
                out.add(new FsmAction.SessionEstablished(negotiated));
                out.add(new FsmAction.StartTimer(TimerKind.STABLE, config.errorForget()));
                gracefulRestart.established(negotiated, out);
            }
            case ESTABLISHED -> restartHold(out);
        }
    }

    /** For UPDATE and ROUTE-REFRESH: true in Established (hold timer restarted), else handled as unexpected. */
    private boolean receivedInEstablished(String what, List<FsmAction> out) {
        if (state == SessionState.ESTABLISHED) {
            restartHold(out);
            return true;
        }
        if (state != SessionState.IDLE) {
            unexpectedMessage(what, out);
        }
        return false;
    }

    private void codecError(DecodeResult.SessionReset reset, List<FsmAction> out) {
        switch (state) {
            case IDLE -> {
            }
            // No OPEN sent yet, so no NOTIFICATION either (RFC 4271 SendNOTIFICATIONwithoutOPEN is off).
            case CONNECT, ACTIVE -> closeBeforeOpen(new DownReason.ConnectionLost(reset.reason()), out);
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED -> drop(new DownReason.SentNotification(reset.notification(),
                    reset.reason()), Optional.of(reset.notification()), true, out);
        }
    }

    private void collisionDump(List<FsmAction> out) {
        switch (state) {
            case IDLE -> {
            }
            case CONNECT, ACTIVE -> {
                out.add(new FsmAction.CloseConnection());
                stopConnectionTimers(out);
                lastDown = new DownReason.CollisionLost();
                state = SessionState.IDLE;
            }
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED -> drop(new DownReason.CollisionLost(),
                    Optional.of(CollisionDetection.COLLISION_NOTIFICATION), true, out);
        }
    }

    /**
     * The peer closed this connection to resolve a collision (Cease 6/7, RFC 4271 §6.8): only this
     * connection is lost, the peer keeps the other one, which it opened. Not an error, so no error
     * wait; the FSM goes back to Active and takes the surviving connection when it arrives, or
     * connects again when the connect retry time runs out. A session that was Established on
     * this connection is down all the same (its routes came over it).
     */
    private void collisionClosedByPeer(List<FsmAction> out) {
        switch (state) {
            // No connection of ours has carried an OPEN: nothing to close.
            case IDLE, CONNECT, ACTIVE -> {
            }
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED -> {
                boolean wasEstablished = state == SessionState.ESTABLISHED;
                drop(new DownReason.CollisionLost(), Optional.empty(), true, out);
                if (state == SessionState.IDLE && !wasEstablished) {
                    awaitPeerConnection(out);
                } else if (state == SessionState.IDLE) {
                    start(out);
                }
            }
        }
    }

    private void awaitPeerConnection(List<FsmAction> out) {
        state = SessionState.ACTIVE;
        if (!config.passive()) {
            out.add(new FsmAction.StartTimer(TimerKind.CONNECT_RETRY, config.connectRetry()));
        }
    }

    /** A message this state does not take: FSM error (RFC 6608 subcodes) once an OPEN was sent. */
    private void unexpectedMessage(String what, List<FsmAction> out) {
        switch (state) {
            case IDLE -> {
            }
            case CONNECT, ACTIVE -> closeBeforeOpen(new DownReason.ConnectionLost(what + " before our OPEN"), out);
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED -> {
                int subcode = switch (state) {
                    case OPEN_SENT -> 1;
                    case OPEN_CONFIRM -> 2;
                    case ESTABLISHED, IDLE, CONNECT, ACTIVE -> 3;
                };
                Notification notification = new Notification(5, subcode);
                drop(new DownReason.SentNotification(notification, "unexpected " + what + " in " + state),
                        Optional.of(notification), true, out);
            }
        }
    }

    /** Ends a connection on which no OPEN was sent: no NOTIFICATION, error wait before the next start. */
    private void closeBeforeOpen(DownReason reason, List<FsmAction> out) {
        out.add(new FsmAction.CloseConnection());
        stopConnectionTimers(out);
        state = SessionState.IDLE;
        lastDown = reason;
        out.add(new FsmAction.StartTimer(TimerKind.IDLE_HOLD, errorWait.onError()));
    }

    /**
     * Ends a connection on which our OPEN was sent. From Established the RIB is told, with the
     * families graceful restart keeps. Then: nothing more after a stop or a lost collision; an
     * immediate restart when the peer is restarting gracefully; otherwise the error wait.
     */
    private void drop(DownReason reason, Optional<Notification> send, boolean notification, List<FsmAction> out) {
        send.ifPresent(n -> out.add(new FsmAction.SendNotification(n)));
        out.add(new FsmAction.CloseConnection());
        stopConnectionTimers(out);
        Set<AfiSafi> stale = Set.of();
        if (state == SessionState.ESTABLISHED) {
            stale = gracefulRestart.sessionLost(negotiated, notification, out);
            out.add(new FsmAction.SessionDown(reason, stale));
            LOG.info("{}: session down: {}{}", peer, reason.describe(),
                    stale.isEmpty() ? "" : ", keeping " + stale + " stale");
        }
        state = SessionState.IDLE;
        sentOpen = null;
        negotiated = null;
        lastDown = reason;
        if (!stale.isEmpty()) {
            start(out);
        } else if (reason.isError()) {
            out.add(new FsmAction.StartTimer(TimerKind.IDLE_HOLD, errorWait.onError()));
        }
    }

    private void restartHold(List<FsmAction> out) {
        if (negotiated.holdTime().isZero()) {
            out.add(new FsmAction.StopTimer(TimerKind.HOLD));
        } else {
            out.add(new FsmAction.StartTimer(TimerKind.HOLD, negotiated.holdTime()));
        }
    }

    private void stopConnectionTimers(List<FsmAction> out) {
        CONNECTION_TIMERS.forEach(kind -> out.add(new FsmAction.StopTimer(kind)));
    }

    private RunningTimers timers(TimerKind kind) {
        return kind.peerScoped() ? memory.peerTimers() : running;
    }

    /** Keeps the running timers in step with the actions, dropping stops of timers not running. */
    private List<FsmAction> track(List<FsmAction> out) {
        List<FsmAction> result = new ArrayList<>(out.size());
        for (FsmAction action : out) {
            if (action instanceof FsmAction.StartTimer start) {
                timers(start.kind()).start(start.kind());
            } else if (action instanceof FsmAction.StopTimer stop && !timers(stop.kind()).stop(stop.kind())) {
                continue;
            }
            result.add(action);
        }
        return List.copyOf(result);
    }
}
