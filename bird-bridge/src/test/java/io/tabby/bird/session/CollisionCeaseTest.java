package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A collision resolved by either side (RFC 4271 §6.8) costs the losing connection only: no error
 * wait and no session down on the side that closes it nor on the side that hears Cease 6/7, and
 * the surviving connection is taken up at once.
 */
class CollisionCeaseTest {
    private static final Open PEER = Peers.peerOpen(90);
    private static final Notification COLLISION = new Notification(6, 7);

    @Test
    void theSideHearingCease67WaitsForTheSurvivingConnectionWithoutErrorWait() {
        SessionConfig config = Peers.calico().build();
        PeerMemory memory = new PeerMemory(config, false);
        FsmDriver outgoing = new FsmDriver(new SessionFsm(config, memory));
        Peers.driveTo(outgoing, SessionState.OPEN_CONFIRM, PEER);

        var closed = outgoing.fire(new FsmEvent.NotificationReceived(COLLISION));

        assertThat(closed).contains(new FsmAction.CloseConnection())
                .noneMatch(a -> a instanceof FsmAction.SessionDown)
                .noneMatch(a -> a instanceof FsmAction.StartTimer start && start.kind() == TimerKind.IDLE_HOLD);
        assertThat(outgoing.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(outgoing.fsm().errorWait()).isZero();
        assertThat(outgoing.fsm().lastDown()).hasValueSatisfying(d -> assertThat(d.isError()).isFalse());

        // The peer's connection, which it kept, arrives: the same FSM takes it up.
        assertThat(outgoing.fire(new FsmEvent.TcpConnectionConfirmed()))
                .anyMatch(a -> a instanceof FsmAction.SendOpen);
        outgoing.fire(new FsmEvent.BgpOpenReceived(PEER));
        assertThat(outgoing.fire(new FsmEvent.KeepaliveReceived()))
                .anyMatch(a -> a instanceof FsmAction.SessionEstablished);
    }

    @Test
    void theSideHearingCease67BeforeThePeersConnectionArrivesReconnectsAfterTheRetryTime() {
        SessionConfig config = Peers.calico().build();
        FsmDriver fsm = new FsmDriver(new SessionFsm(config, new PeerMemory(config, false)));
        Peers.driveTo(fsm, SessionState.OPEN_SENT, PEER);
        fsm.fire(new FsmEvent.NotificationReceived(COLLISION));

        assertThat(fsm.remaining(TimerKind.IDLE_HOLD)).isEmpty();
        assertThat(fsm.remaining(TimerKind.CONNECT_RETRY)).hasValue(config.connectRetry());
        assertThat(fsm.advance(config.connectRetry())).contains(new FsmAction.Connect());
        assertThat(fsm.state()).isEqualTo(SessionState.CONNECT);
    }

    @Test
    void theSideThatClosesKeepsNoErrorWaitAndTheOtherConnectionComesUp() {
        SessionConfig config = Peers.calico().build();
        PeerMemory memory = new PeerMemory(config, false);
        FsmDriver outgoing = new FsmDriver(new SessionFsm(config, memory));
        Peers.driveTo(outgoing, SessionState.OPEN_CONFIRM, PEER);
        FsmDriver incoming = new FsmDriver(new SessionFsm(config, memory));
        incoming.fire(new FsmEvent.ManualStart());
        incoming.fire(new FsmEvent.TcpConnectionConfirmed());
        incoming.fire(new FsmEvent.BgpOpenReceived(PEER));

        var dumped = outgoing.fire(new FsmEvent.OpenCollisionDump());

        assertThat(dumped).startsWith(new FsmAction.SendNotification(COLLISION), new FsmAction.CloseConnection())
                .noneMatch(a -> a instanceof FsmAction.SessionDown)
                .noneMatch(a -> a instanceof FsmAction.StartTimer start && start.kind() == TimerKind.IDLE_HOLD);
        assertThat(memory.errorWait().current()).isZero();
        assertThat(incoming.fire(new FsmEvent.KeepaliveReceived()))
                .anyMatch(a -> a instanceof FsmAction.SessionEstablished);
    }

    @Test
    void anEstablishedSessionClosedByCease67GoesDownAndStartsAgainAtOnce() {
        SessionConfig config = Peers.calico().build();
        FsmDriver fsm = new FsmDriver(new SessionFsm(config, new PeerMemory(config, false)));
        Peers.driveTo(fsm, SessionState.ESTABLISHED, PEER);

        var down = fsm.fire(new FsmEvent.NotificationReceived(COLLISION));

        assertThat(down).anyMatch(a -> a instanceof FsmAction.SessionDown)
                .noneMatch(a -> a instanceof FsmAction.StartTimer start && start.kind() == TimerKind.IDLE_HOLD);
        assertThat(fsm.state()).isNotEqualTo(SessionState.IDLE);
        assertThat(fsm.fsm().errorWait()).isZero();
    }

    @Test
    void anyOtherNotificationStillStartsTheErrorWait() {
        SessionConfig config = Peers.calico().build();
        FsmDriver fsm = new FsmDriver(new SessionFsm(config, new PeerMemory(config, false)));
        Peers.driveTo(fsm, SessionState.OPEN_CONFIRM, PEER);
        fsm.fire(new FsmEvent.NotificationReceived(new Notification(6, 2)));

        assertThat(fsm.state()).isEqualTo(SessionState.IDLE);
        assertThat(fsm.remaining(TimerKind.IDLE_HOLD)).hasValue(Duration.ofSeconds(5));
    }
}
