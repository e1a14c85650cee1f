package io.tabby.bird.session;

import static io.tabby.bird.wire.AfiSafi.IPV4_UNICAST;
import static io.tabby.bird.wire.AfiSafi.IPV6_UNICAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.Update;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two connections to one peer, two FSMs sharing one {@link PeerMemory}, as the transport will run them. */
class CollisionScenarioTest {
    private static final Open GR_PEER = Peers.peerOpen(90, Peers.peerGracefulRestart(120));

    @Test
    void theIncomingConnectionWinsAndTakesOverTheStaleRoutes() {
        SessionConfig config = Peers.calico().build();
        PeerMemory memory = new PeerMemory(config, false);
        FsmDriver outgoing = new FsmDriver(new SessionFsm(config, memory));
        Peers.driveTo(outgoing, SessionState.ESTABLISHED, GR_PEER);
        outgoing.fire(new FsmEvent.TcpConnectionFails("peer restarted"));
        assertThat(outgoing.fsm().staleFamilies()).containsExactlyInAnyOrder(IPV4_UNICAST, IPV6_UNICAST);

        // Both sides reconnect at once: our attempt and the peer's, each with an FSM.
        outgoing.advance(Duration.ofSeconds(2));
        outgoing.fire(new FsmEvent.TcpConnectionAcknowledged());
        FsmDriver incoming = new FsmDriver(new SessionFsm(config, memory));
        incoming.fire(new FsmEvent.ManualStart());
        incoming.fire(new FsmEvent.TcpConnectionConfirmed());
        outgoing.fire(new FsmEvent.BgpOpenReceived(GR_PEER));
        incoming.fire(new FsmEvent.BgpOpenReceived(GR_PEER));

        CollisionDetection.Side loser = CollisionDetection.resolve(Peers.LOCAL_ID, Peers.LOCAL_AS, Peers.PEER_ID,
                Peers.PEER_AS, outgoing.state(), incoming.state()).orElseThrow();
        assertThat(loser).isEqualTo(CollisionDetection.Side.OUTGOING);
        List<FsmAction> dumped = outgoing.fire(new FsmEvent.OpenCollisionDump());
        assertThat(dumped).startsWith(new FsmAction.SendNotification(new Notification(6, 7)), new FsmAction.CloseConnection());
        assertThat(dumped).noneMatch(a -> a instanceof FsmAction.FlushStale || a instanceof FsmAction.SessionDown);

        List<FsmAction> up = incoming.fire(new FsmEvent.KeepaliveReceived());
        assertThat(up).contains(new FsmAction.StopTimer(TimerKind.GR_RESTART),
                new FsmAction.StartTimer(TimerKind.GR_STALE, Duration.ofSeconds(360)));
        incoming.fire(new FsmEvent.UpdateReceived(Update.endOfRib(IPV4_UNICAST)));
        assertThat(incoming.fire(new FsmEvent.UpdateReceived(Update.endOfRib(IPV6_UNICAST))))
                .contains(new FsmAction.FlushStale(Set.of(IPV6_UNICAST)), new FsmAction.StopTimer(TimerKind.GR_STALE));
        assertThat(memory.gracefulRestart().staleFamilies()).isEmpty();
    }

    @Test
    void aPeerScopedExpiryReachesWhicheverFsmServesThePeer() {
        SessionConfig config = Peers.calico().build();
        PeerMemory memory = new PeerMemory(config, false);
        FsmDriver first = new FsmDriver(new SessionFsm(config, memory));
        Peers.driveTo(first, SessionState.ESTABLISHED, GR_PEER);
        first.fire(new FsmEvent.TcpConnectionFails("peer restarted"));

        SessionFsm second = new SessionFsm(config, memory);
        assertThat(second.runningTimers()).contains(TimerKind.GR_RESTART);
        assertThat(second.handle(new FsmEvent.TimerExpired(TimerKind.GR_RESTART)))
                .containsExactly(new FsmAction.FlushStale(Set.of(IPV4_UNICAST, IPV6_UNICAST)));
        assertThat(first.fsm().staleFamilies()).isEmpty();
    }

    @Test
    void theErrorWaitIsThePeersNotTheConnections() {
        SessionConfig config = Peers.calico().build();
        PeerMemory memory = new PeerMemory(config, false);
        FsmDriver first = new FsmDriver(new SessionFsm(config, memory));
        Peers.driveTo(first, SessionState.OPEN_SENT, GR_PEER);
        first.fire(new FsmEvent.NotificationReceived(new Notification(2, 2)));
        SessionFsm second = new SessionFsm(config, memory);
        assertThat(second.errorWait()).hasSeconds(5);
    }
}
