package io.tabby.bird.speaker;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.rib.PeerInfo;
import io.tabby.bird.session.FsmAction;
import io.tabby.bird.session.FsmEvent;
import io.tabby.bird.session.Negotiated;
import io.tabby.bird.session.PeerMemory;
import io.tabby.bird.session.SessionConfig;
import io.tabby.bird.session.SessionFsm;
import io.tabby.bird.session.SessionState;
import io.tabby.bird.session.TimerKind;
import io.tabby.bird.transport.BgpConnection;
import io.tabby.bird.transport.BgpSockets;
import io.tabby.bird.transport.ConnectionListener;
import io.tabby.bird.transport.LoopTimers;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.RouteRefresh;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One configured BGP peer on its event loop: the main FSM and its connection, a second FSM while
 * an incoming connection collides with ours (RFC 4271 §6.8), the peer-scoped graceful restart
 * timers, and the translation of FSM actions into socket, timer and RIB work. Every method runs on
 * {@link #loop}; the speaker hops there first.
 */
final class PeerSession implements ConnectionListener {
    private static final Logger LOG = LogManager.getLogger(PeerSession.class);

    private final int id;
    /** Replaced only by a protocol with the same session options (a reconfiguration that kept it). */
    private volatile BgpProtocol protocol;
    private final SessionConfig config;
    private final EventLoop loop;
    private final BgpSockets sockets;
    private final RibWorker rib;
    private final AttributeInterner interner;
    private final PeerMemory memory;
    private final LoopTimers peerTimers;
    private final PeerStatusCell status;
    private final Clock clock;
    private Attempt primary;
    private Attempt secondary;
    private boolean enabled;

    PeerSession(int id, BgpProtocol protocol, SessionConfig config, EventLoop loop, BgpSockets sockets, RibWorker rib,
            AttributeInterner interner, PeerStatusCell status, Clock clock, boolean restartedLocally) {
        this.id = id;
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.config = requireNonNull(config, "config is null");
        this.loop = requireNonNull(loop, "loop is null");
        this.sockets = requireNonNull(sockets, "sockets is null");
        this.rib = requireNonNull(rib, "rib is null");
        this.interner = requireNonNull(interner, "interner is null");
        this.status = requireNonNull(status, "status is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.memory = new PeerMemory(config, restartedLocally);
        this.peerTimers = new LoopTimers(loop, kind -> {
            if (primary != null) {
                handle(primary, new FsmEvent.TimerExpired(kind));
            }
        });
    }

    EventLoop loop() {
        return loop;
    }

    /** Takes the new definition of a kept protocol (same session options, other policies or position). */
    void replaceProtocol(BgpProtocol next) {
        this.protocol = requireNonNull(next, "next is null");
    }

    /**
     * Asks the peer to send its routes again (RFC 2918) so a new import policy applies to them; a
     * peer without route refresh gets its session restarted instead, as BIRD 1.6 does.
     */
    void refreshIn() {
        Optional<Negotiated> up = primary == null || primary.fsm.state() != SessionState.ESTABLISHED
                ? Optional.empty() : primary.fsm.negotiated();
        if (up.isPresent() && up.get().routeRefresh()) {
            up.get().families().forEach(family -> send(primary, RouteRefresh.of(family)));
        } else if (up.isPresent()) {
            LOG.info("{}: the peer cannot refresh routes; restarting the session for the new import policy",
                    protocol.name());
            stop();
            start();
        }
    }

    /** The RIB's id for this peer; never reused within a speaker. */
    int id() {
        return id;
    }

    PeerStatusCell status() {
        return status;
    }

    BgpProtocol protocol() {
        return protocol;
    }

    /** The RIB's view of this peer before any session (router id unknown, no local address). */
    PeerInfo initialInfo() {
        return PeerInfos.initial(id, protocol);
    }

    /** {@code enable}: ManualStart, clearing a pending error wait. */
    void start() {
        enabled = true;
        status.enabled(true);
        if (primary == null || primary.discarded) {
            primary = newAttempt();
        }
        handle(primary, new FsmEvent.ManualStart());
    }

    /** {@code disable}: ManualStop (Cease 6/2 once an OPEN was sent) on every connection. */
    void stop() {
        enabled = false;
        status.enabled(false);
        if (secondary != null) {
            handle(secondary, new FsmEvent.ManualStop());
            discard(secondary);
            secondary = null;
        }
        if (primary != null) {
            handle(primary, new FsmEvent.ManualStop());
        }
    }

    /**
     * Drops every connection without a NOTIFICATION, as a crash would, and stays down: a peer with
     * graceful restart keeps our routes until we are back (RFC 4724 §4.2).
     */
    void abandon() {
        enabled = false;
        status.enabled(false);
        if (secondary != null) {
            discard(secondary);
            secondary = null;
        }
        if (primary != null) {
            discard(primary);
        }
        peerTimers.stopAll();
    }

    /**
     * A connection from the peer's address was accepted; its handlers run on {@link #loop}. The
     * channel does not read until {@link #adopt} has given it to an FSM: a frame read before that
     * would find no owner and be lost (the peer's OPEN, then 5/1 on its KEEPALIVE).
     */
    void incoming(Channel channel) {
        BgpConnection connection = new BgpConnection(channel, loop, baseline(), interner, this);
        channel.pipeline().addLast(loop, "bgp", connection);
        if (loop.inEventLoop()) {
            adopt(connection);
        } else {
            loop.execute(() -> adopt(connection));
        }
    }

    /** Gives an accepted connection to an FSM, then lets it read; or closes it. */
    void adopt(BgpConnection connection) {
        take(connection);
        if (owner(connection) != null) {
            connection.setAutoRead(true);
        }
    }

    private void take(BgpConnection connection) {
        if (!enabled || primary == null || secondary != null) {
            LOG.info("{}: refusing a connection from {} ({})", protocol.name(), connection.remoteAddress(),
                    enabled ? "a collision is already being resolved" : "protocol disabled");
            connection.close();
            return;
        }
        switch (primary.fsm.state()) {
            case IDLE -> {
                LOG.info("{}: refusing a connection from {} while idle (error wait)", protocol.name(),
                        connection.remoteAddress());
                connection.close();
            }
            case CONNECT, ACTIVE -> {
                // Our own attempt (if any) is abandoned: an FSM owns one connection at a time.
                primary.closeConnection();
                attach(primary, connection, false);
                handle(primary, new FsmEvent.TcpConnectionConfirmed());
            }
            case OPEN_SENT, OPEN_CONFIRM, ESTABLISHED -> {
                Attempt second = newAttempt();
                secondary = second;
                attach(second, connection, false);
                // Both events before settling: after ManualStart alone it has not sent its OPEN yet.
                step(second, new FsmEvent.ManualStart());
                step(second, new FsmEvent.TcpConnectionConfirmed());
                reconcile();
                publish();
            }
        }
    }

    @Override
    public void onEvent(BgpConnection connection, FsmEvent event) {
        Attempt owner = owner(connection);
        if (owner == null) {
            return;
        }
        if (event instanceof FsmEvent.BgpOpenReceived(Open open) && CollisionChoice.losesOnArrival(owner, owner == primary ? secondary : primary, open, config)) {
            // RFC 4271 §6.8: resolved on receipt of the OPEN, before this connection answers it with a
            // KEEPALIVE: a KEEPALIVE would let the peer reach Established on the connection we close.
            LOG.info("{}: connection collision, closing the {} connection on the peer's OPEN", protocol.name(),
                    owner.outgoing ? "outgoing" : "incoming");
            handle(owner, new FsmEvent.OpenCollisionDump());
            return;
        }
        handle(owner, event);
    }

    @Override
    public void onWritable(BgpConnection connection) {
        rib.writable();
    }

    private Attempt owner(BgpConnection connection) {
        if (primary != null && primary.connection == connection) {
            return primary;
        }
        if (secondary != null && secondary.connection == connection) {
            return secondary;
        }
        return null;
    }

    private Attempt newAttempt() {
        Attempt[] self = new Attempt[1];
        LoopTimers timers = new LoopTimers(loop, kind -> {
            if (!self[0].discarded) {
                if (kind == TimerKind.CONNECT_RETRY && self[0].connecting != null) {
                    // The SYN went unanswered (a dropped packet, or a TCP-MD5 key the peer does not share).
                    status.lastError("Socket: Connection timed out");
                }
                handle(self[0], new FsmEvent.TimerExpired(kind));
            }
        });
        self[0] = new Attempt(new SessionFsm(config, memory), timers);
        return self[0];
    }

    private void attach(Attempt attempt, BgpConnection connection, boolean outgoing) {
        attempt.connection = connection;
        attempt.outgoing = outgoing;
        attempt.gate = new InboundGate(connection);
    }

    private void handle(Attempt attempt, FsmEvent event) {
        step(attempt, event);
        reconcile();
        publish();
    }

    /** Feeds one event to one FSM and carries out its actions, without settling the pair. */
    private void step(Attempt attempt, FsmEvent event) {
        if (attempt.discarded) {
            return;
        }
        List<FsmAction> actions;
        try {
            actions = attempt.fsm.handle(event);
        } catch (RuntimeException e) {
            LOG.error("{}: the FSM failed on {}; closing the connection", protocol.name(), event, e);
            attempt.closeConnection();
            return;
        }
        for (FsmAction action : actions) {
            run(attempt, action);
        }
    }

    private void run(Attempt attempt, FsmAction action) {
        switch (action) {
            case FsmAction.Connect _ -> connect(attempt);
            case FsmAction.CloseConnection _ -> attempt.closeConnection();
            case FsmAction.SendOpen send -> send(attempt, send.open());
            case FsmAction.SendKeepalive _ -> send(attempt, Keepalive.INSTANCE);
            case FsmAction.SendNotification send -> send(attempt, send.notification());
            case FsmAction.StartTimer start -> timers(attempt, start.kind()).start(start.kind(), start.duration());
            case FsmAction.StopTimer stop -> timers(attempt, stop.kind()).stop(stop.kind());
            case FsmAction.SessionEstablished up -> established(attempt, up.negotiated());
            case FsmAction.SessionDown down -> {
                status.lastError(down.reason().describe());
                rib.down(id, down.staleFamilies());
            }
            case FsmAction.FlushStale flush -> rib.flushStale(id, flush.families());
            case FsmAction.DeliverUpdate deliver -> {
                if (attempt.gate != null) {
                    rib.update(id, deliver.update(), attempt.gate);
                    deliver.update().endOfRibFamily().ifPresent(family ->
                            rib.afterApplied(() -> status.endOfRibApplied(family, clock.instant())));
                }
            }
            case FsmAction.DeliverWithdraw deliver -> rib.withdraw(id, deliver.withdraw());
            case FsmAction.DeliverRouteRefresh _ -> rib.refresh(id);
        }
    }

    private LoopTimers timers(Attempt attempt, TimerKind kind) {
        return kind.peerScoped() ? peerTimers : attempt.timers;
    }

    private void send(Attempt attempt, BgpMessage message) {
        if (attempt.connection != null) {
            attempt.connection.send(message);
        }
    }

    private void connect(Attempt attempt) {
        // The FSM of an accepted connection starts like any other and asks to connect: it has its connection.
        if (attempt.connection != null || attempt.connecting != null || attempt != primary) {
            return;
        }
        InetSocketAddress remote = new InetSocketAddress(protocol.neighbor(), protocol.neighborPort());
        Optional<InetAddress> source = protocol.sourceAddress().or(protocol::localAddress);
        ChannelFuture future;
        try {
            future = sockets.connect(loop, remote, source, protocol.password(), config.connectRetry());
        } catch (RuntimeException e) {
            LOG.error("{}: cannot connect to {}: {}", protocol.name(), remote, e.getMessage());
            loop.execute(() -> handle(attempt, new FsmEvent.TcpConnectionFails(e.getMessage())));
            return;
        }
        attempt.connecting = future;
        future.addListener(done -> {
            if (attempt.connecting != future || attempt.discarded) {
                future.channel().close();
                return;
            }
            attempt.connecting = null;
            if (done.isSuccess()) {
                BgpConnection connection = new BgpConnection(future.channel(), loop, baseline(), interner, this);
                future.channel().pipeline().addLast("bgp", connection);
                attach(attempt, connection, true);
                handle(attempt, new FsmEvent.TcpConnectionAcknowledged());
            } else {
                String why = done.cause() == null ? "Connection failed" : BgpConnection.describe(done.cause());
                status.lastError("Socket: " + why);
                handle(attempt, new FsmEvent.TcpConnectionFails(why));
            }
        });
    }

    private void established(Attempt attempt, Negotiated negotiated) {
        BgpConnection connection = attempt.connection;
        connection.useOptions(negotiated.options().receive(), negotiated.options().send());
        status.lastError(null);
        status.neighborRouterId(SessionConfigs.address(negotiated.peerRouterId()));
        status.session(SessionDetails.of(negotiated, connection.localAddress().getAddress()));
        status.awaitEndOfRib(negotiated.families());
        PeerInfo up = PeerInfos.established(id, protocol, negotiated.peerRouterId(),
                connection.localAddress().getAddress());
        rib.established(up, negotiated.options().send(), negotiated.families(), connection);
    }

    /**
     * Settles which FSM serves the peer after every event: a second FSM that fell back before its
     * OPEN is dropped; a main FSM that fell back while the second carries on is replaced by it; and
     * once either has the peer's OPEN, collision detection closes one of the two.
     */
    private void reconcile() {
        if (secondary == null) {
            return;
        }
        if (!secondary.fsm.state().openSent()) {
            discard(secondary);
            secondary = null;
            return;
        }
        if (!primary.fsm.state().openSent()) {
            discard(primary);
            primary = secondary;
            secondary = null;
            return;
        }
        Optional<Attempt> loser = CollisionChoice.loser(primary, secondary, config);
        if (loser.isEmpty()) {
            return;
        }
        LOG.info("{}: connection collision, closing the {} connection", protocol.name(),
                loser.get().outgoing ? "outgoing" : "incoming");
        handle(loser.get(), new FsmEvent.OpenCollisionDump());
    }

    private void discard(Attempt attempt) {
        attempt.discarded = true;
        attempt.timers.stopAll();
        attempt.closeConnection();
    }

    private void publish() {
        if (primary != null) {
            status.state(primary.fsm.state(), clock.instant());
            primary.fsm.lastDown().filter(d -> d.isError()).ifPresent(d -> {
                if (primary.fsm.state() != SessionState.ESTABLISHED) {
                    status.lastError(d.describe());
                }
            });
        }
    }

    private SessionOptions baseline() {
        return SessionOptions.BASELINE.withExternal(!protocol.internal());
    }

}
