package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.codec.BgpError;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every state against every family of events: the state reached and the NOTIFICATION sent
 * ({@code -} for none), plus the invariants every transition keeps.
 */
class TransitionTableTest {
    private enum Input {
        START(new FsmEvent.ManualStart()),
        AUTOSTART(new FsmEvent.AutomaticStart()),
        STOP(new FsmEvent.ManualStop()),
        TCP_UP(new FsmEvent.TcpConnectionConfirmed()),
        TCP_FAIL(new FsmEvent.TcpConnectionFails("connection reset")),
        OPEN(new FsmEvent.BgpOpenReceived(Peers.peerOpen(90))),
        KEEPALIVE(new FsmEvent.KeepaliveReceived()),
        UPDATE(new FsmEvent.UpdateReceived(Update.endOfRib(AfiSafi.IPV4_UNICAST))),
        NOTIFICATION(new FsmEvent.NotificationReceived(new Notification(6, 4))),
        HEADER_ERR(new FsmEvent.BgpHeaderErr(new DecodeResult.SessionReset(BgpError.BAD_MESSAGE_LENGTH, Bytes.EMPTY, "len"))),
        UPDATE_ERR(new FsmEvent.UpdateMsgErr(new DecodeResult.SessionReset(BgpError.MALFORMED_AS_PATH, Bytes.EMPTY, "path"))),
        COLLISION(new FsmEvent.OpenCollisionDump()),
        HOLD_EXPIRY(new FsmEvent.TimerExpired(TimerKind.HOLD)),
        KEEPALIVE_EXPIRY(new FsmEvent.TimerExpired(TimerKind.KEEPALIVE)),
        RETRY_EXPIRY(new FsmEvent.TimerExpired(TimerKind.CONNECT_RETRY));

        private final FsmEvent event;

        Input(FsmEvent event) {
            this.event = event;
        }
    }

    @ParameterizedTest(name = "{0} + {1} -> {2} sending {3}")
    @CsvSource(delimiter = '|', textBlock = """
            IDLE         | START            | ACTIVE       | -
            IDLE         | AUTOSTART        | ACTIVE       | -
            IDLE         | STOP             | IDLE         | -
            IDLE         | TCP_UP           | IDLE         | -
            IDLE         | TCP_FAIL         | IDLE         | -
            IDLE         | OPEN             | IDLE         | -
            IDLE         | KEEPALIVE        | IDLE         | -
            IDLE         | UPDATE           | IDLE         | -
            IDLE         | NOTIFICATION     | IDLE         | -
            IDLE         | HEADER_ERR       | IDLE         | -
            IDLE         | UPDATE_ERR       | IDLE         | -
            IDLE         | COLLISION        | IDLE         | -
            IDLE         | HOLD_EXPIRY      | IDLE         | -
            IDLE         | KEEPALIVE_EXPIRY | IDLE         | -
            IDLE         | RETRY_EXPIRY     | IDLE         | -
            ACTIVE       | START            | ACTIVE       | -
            ACTIVE       | AUTOSTART        | ACTIVE       | -
            ACTIVE       | STOP             | IDLE         | -
            ACTIVE       | TCP_UP           | OPEN_SENT    | -
            ACTIVE       | TCP_FAIL         | ACTIVE       | -
            ACTIVE       | OPEN             | IDLE         | -
            ACTIVE       | KEEPALIVE        | IDLE         | -
            ACTIVE       | UPDATE           | IDLE         | -
            ACTIVE       | NOTIFICATION     | IDLE         | -
            ACTIVE       | HEADER_ERR       | IDLE         | -
            ACTIVE       | UPDATE_ERR       | IDLE         | -
            ACTIVE       | COLLISION        | IDLE         | -
            ACTIVE       | HOLD_EXPIRY      | ACTIVE       | -
            ACTIVE       | KEEPALIVE_EXPIRY | ACTIVE       | -
            ACTIVE       | RETRY_EXPIRY     | ACTIVE       | -
            CONNECT      | START            | CONNECT      | -
            CONNECT      | AUTOSTART        | CONNECT      | -
            CONNECT      | STOP             | IDLE         | -
            CONNECT      | TCP_UP           | OPEN_SENT    | -
            CONNECT      | TCP_FAIL         | ACTIVE       | -
            CONNECT      | OPEN             | IDLE         | -
            CONNECT      | KEEPALIVE        | IDLE         | -
            CONNECT      | UPDATE           | IDLE         | -
            CONNECT      | NOTIFICATION     | IDLE         | -
            CONNECT      | HEADER_ERR       | IDLE         | -
            CONNECT      | UPDATE_ERR       | IDLE         | -
            CONNECT      | COLLISION        | IDLE         | -
            CONNECT      | HOLD_EXPIRY      | CONNECT      | -
            CONNECT      | KEEPALIVE_EXPIRY | CONNECT      | -
            CONNECT      | RETRY_EXPIRY     | CONNECT      | -
            OPEN_SENT    | START            | OPEN_SENT    | -
            OPEN_SENT    | AUTOSTART        | OPEN_SENT    | -
            OPEN_SENT    | STOP             | IDLE         | 6/2
            OPEN_SENT    | TCP_UP           | OPEN_SENT    | -
            OPEN_SENT    | TCP_FAIL         | ACTIVE       | -
            OPEN_SENT    | OPEN             | OPEN_CONFIRM | -
            OPEN_SENT    | KEEPALIVE        | IDLE         | 5/1
            OPEN_SENT    | UPDATE           | IDLE         | 5/1
            OPEN_SENT    | NOTIFICATION     | IDLE         | -
            OPEN_SENT    | HEADER_ERR       | IDLE         | 1/2
            OPEN_SENT    | UPDATE_ERR       | IDLE         | 5/1
            OPEN_SENT    | COLLISION        | IDLE         | 6/7
            OPEN_SENT    | HOLD_EXPIRY      | IDLE         | 4/0
            OPEN_SENT    | KEEPALIVE_EXPIRY | OPEN_SENT    | -
            OPEN_SENT    | RETRY_EXPIRY     | OPEN_SENT    | -
            OPEN_CONFIRM | START            | OPEN_CONFIRM | -
            OPEN_CONFIRM | AUTOSTART        | OPEN_CONFIRM | -
            OPEN_CONFIRM | STOP             | IDLE         | 6/2
            OPEN_CONFIRM | TCP_UP           | OPEN_CONFIRM | -
            OPEN_CONFIRM | TCP_FAIL         | IDLE         | -
            OPEN_CONFIRM | OPEN             | IDLE         | 5/2
            OPEN_CONFIRM | KEEPALIVE        | ESTABLISHED  | -
            OPEN_CONFIRM | UPDATE           | IDLE         | 5/2
            OPEN_CONFIRM | NOTIFICATION     | IDLE         | -
            OPEN_CONFIRM | HEADER_ERR       | IDLE         | 1/2
            OPEN_CONFIRM | UPDATE_ERR       | IDLE         | 5/2
            OPEN_CONFIRM | COLLISION        | IDLE         | 6/7
            OPEN_CONFIRM | HOLD_EXPIRY      | IDLE         | 4/0
            OPEN_CONFIRM | KEEPALIVE_EXPIRY | OPEN_CONFIRM | -
            OPEN_CONFIRM | RETRY_EXPIRY     | OPEN_CONFIRM | -
            ESTABLISHED  | START            | ESTABLISHED  | -
            ESTABLISHED  | AUTOSTART        | ESTABLISHED  | -
            ESTABLISHED  | STOP             | IDLE         | 6/2
            ESTABLISHED  | TCP_UP           | ESTABLISHED  | -
            ESTABLISHED  | TCP_FAIL         | IDLE         | -
            ESTABLISHED  | OPEN             | IDLE         | 5/3
            ESTABLISHED  | KEEPALIVE        | ESTABLISHED  | -
            ESTABLISHED  | UPDATE           | ESTABLISHED  | -
            ESTABLISHED  | NOTIFICATION     | IDLE         | -
            ESTABLISHED  | HEADER_ERR       | IDLE         | 1/2
            ESTABLISHED  | UPDATE_ERR       | IDLE         | 3/11
            ESTABLISHED  | COLLISION        | IDLE         | 6/7
            ESTABLISHED  | HOLD_EXPIRY      | IDLE         | 4/0
            ESTABLISHED  | KEEPALIVE_EXPIRY | ESTABLISHED  | -
            ESTABLISHED  | RETRY_EXPIRY     | ESTABLISHED  | -
            """)
    void transition(SessionState from, Input input, SessionState expected, String notification) {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), from, Peers.peerOpen(90));
        assertThat(driver.state()).isEqualTo(from);

        List<FsmAction> actions = driver.fire(input.event);

        assertThat(driver.state()).isEqualTo(expected);
        List<Notification> sent = actions.stream().filter(a -> a instanceof FsmAction.SendNotification)
                .map(a -> ((FsmAction.SendNotification) a).notification()).toList();
        if (notification.equals("-")) {
            assertThat(sent).isEmpty();
        } else {
            String[] codes = notification.split("/");
            assertThat(sent).hasSize(1);
            assertThat(sent.getFirst().code()).isEqualTo(Integer.parseInt(codes[0]));
            assertThat(sent.getFirst().subcode()).isEqualTo(Integer.parseInt(codes[1]));
            assertThat(actions.get(0)).isInstanceOf(FsmAction.SendNotification.class);
            assertThat(actions.get(1)).isEqualTo(new FsmAction.CloseConnection());
        }
        boolean downFromEstablished = from == SessionState.ESTABLISHED && expected == SessionState.IDLE;
        assertThat(actions.stream().anyMatch(a -> a instanceof FsmAction.SessionDown)).isEqualTo(downFromEstablished);
        boolean left = from != SessionState.IDLE && expected == SessionState.IDLE;
        boolean errorWaitExpected = left && input != Input.STOP && input != Input.COLLISION;
        assertThat(driver.remaining(TimerKind.IDLE_HOLD).isPresent()).isEqualTo(errorWaitExpected);
        if (expected == SessionState.IDLE) {
            assertThat(driver.fsm().runningTimers()).isSubsetOf(TimerKind.IDLE_HOLD);
        }
        // A timer the FSM did not start is never acted on.
        if (input.event instanceof FsmEvent.TimerExpired(TimerKind kind) && !wasRunning(from, kind)) {
            assertThat(actions).isEmpty();
        }
    }

    private static boolean wasRunning(SessionState state, TimerKind kind) {
        return switch (kind) {
            case HOLD -> state.openSent();
            case KEEPALIVE -> state == SessionState.OPEN_CONFIRM || state == SessionState.ESTABLISHED;
            case CONNECT_RETRY -> state == SessionState.CONNECT;
            case CONNECT_DELAY -> state == SessionState.ACTIVE;
            case IDLE_HOLD, STABLE, GR_RESTART, GR_STALE -> false;
        };
    }
}
