package io.tabby.bird.session;

import static io.tabby.bird.session.CollisionDetection.Side.INCOMING;
import static io.tabby.bird.session.CollisionDetection.Side.OUTGOING;
import static io.tabby.bird.session.SessionState.ACTIVE;
import static io.tabby.bird.session.SessionState.CONNECT;
import static io.tabby.bird.session.SessionState.ESTABLISHED;
import static io.tabby.bird.session.SessionState.IDLE;
import static io.tabby.bird.session.SessionState.OPEN_CONFIRM;
import static io.tabby.bird.session.SessionState.OPEN_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.bird.wire.message.Notification;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollisionDetectionTest {
    private static final int LOW = 0x0a000001;
    private static final int HIGH = 0x0a000002;
    /** 192.0.2.1: negative as a signed int, larger than both above as unsigned. */
    private static final int HIGHEST = 0xc0000201;

    @Test
    void theHigherIdentifierKeepsTheConnectionItOpened() {
        assertThat(CollisionDetection.resolve(LOW, 1, HIGH, 1, OPEN_CONFIRM, OPEN_SENT)).contains(OUTGOING);
        assertThat(CollisionDetection.resolve(HIGH, 1, LOW, 1, OPEN_CONFIRM, OPEN_SENT)).contains(INCOMING);
        assertThat(CollisionDetection.resolve(HIGH, 1, LOW, 1, OPEN_SENT, OPEN_CONFIRM)).contains(INCOMING);
    }

    @Test
    void identifiersCompareUnsigned() {
        assertThat(CollisionDetection.resolve(HIGHEST, 1, HIGH, 1, OPEN_CONFIRM, OPEN_CONFIRM)).contains(INCOMING);
        assertThat(CollisionDetection.resolve(HIGH, 1, HIGHEST, 1, OPEN_CONFIRM, OPEN_CONFIRM)).contains(OUTGOING);
    }

    @Test
    void equalIdentifiersAreDecidedByTheLargerAs() {
        assertThat(CollisionDetection.resolve(LOW, 65001, LOW, 65002, OPEN_CONFIRM, OPEN_CONFIRM)).contains(OUTGOING);
        assertThat(CollisionDetection.resolve(LOW, 65002, LOW, 65001, OPEN_CONFIRM, OPEN_CONFIRM)).contains(INCOMING);
    }

    @Test
    void anEstablishedConnectionAlwaysSurvives() {
        assertThat(CollisionDetection.resolve(LOW, 1, HIGH, 1, ESTABLISHED, OPEN_CONFIRM)).contains(INCOMING);
        assertThat(CollisionDetection.resolve(HIGH, 1, LOW, 1, OPEN_SENT, ESTABLISHED)).contains(OUTGOING);
        assertThatThrownBy(() -> CollisionDetection.resolve(HIGH, 1, LOW, 1, ESTABLISHED, ESTABLISHED))
                .hasMessageContaining("two Established");
    }

    @Test
    void connectionsWithoutAnOpenDoNotCollide() {
        for (SessionState early : List.of(IDLE, CONNECT, ACTIVE)) {
            assertThat(CollisionDetection.resolve(LOW, 1, HIGH, 1, early, OPEN_CONFIRM)).isEqualTo(Optional.empty());
            assertThat(CollisionDetection.resolve(LOW, 1, HIGH, 1, ESTABLISHED, early)).isEqualTo(Optional.empty());
        }
    }

    @Test
    void theLoserSendsCeaseConnectionCollisionResolution() {
        FsmDriver loser = Peers.driveTo(Peers.calico().build(), OPEN_CONFIRM, Peers.peerOpen(90));
        List<FsmAction> actions = loser.fire(new FsmEvent.OpenCollisionDump());
        assertThat(actions).startsWith(new FsmAction.SendNotification(new Notification(6, 7)), new FsmAction.CloseConnection());
        assertThat(actions).noneMatch(a -> a instanceof FsmAction.SessionDown);
        assertThat(actions).noneMatch(a -> a instanceof FsmAction.StartTimer);
        assertThat(loser.state()).isEqualTo(IDLE);
        assertThat(loser.fsm().lastDown()).contains(new DownReason.CollisionLost());
        assertThat(loser.fsm().errorWait()).isZero();
    }
}
