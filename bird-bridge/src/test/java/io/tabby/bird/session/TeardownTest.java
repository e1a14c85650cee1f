package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.message.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hold timer expiry, ManualStop, and the error wait between restarts. */
class TeardownTest {
    @Test
    void holdTimerExpiryInEstablishedSendsHoldTimerExpired() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.ESTABLISHED, Peers.peerOpen(90));
        driver.advance(Duration.ofSeconds(89));
        assertThat(driver.state()).isEqualTo(SessionState.ESTABLISHED);
        List<FsmAction> expiry = driver.advance(Duration.ofSeconds(1));
        assertThat(expiry).startsWith(new FsmAction.SendNotification(new Notification(4, 0)), new FsmAction.CloseConnection());
        DownReason reason = new DownReason.SentNotification(new Notification(4, 0), "hold timer expired");
        assertThat(expiry).contains(new FsmAction.SessionDown(reason, Set.of()),
                new FsmAction.StartTimer(TimerKind.IDLE_HOLD, Duration.ofSeconds(5)));
        assertThat(driver.state()).isEqualTo(SessionState.IDLE);
        assertThat(driver.fsm().lastDown()).contains(reason);
        assertThat(reason.describe()).isEqualTo("Error: hold timer expired (sent 4/0)");
    }

    @Test
    void holdTimerInOpenSentIsTheLargeStartupValue() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.OPEN_SENT, Peers.peerOpen(90));
        assertThat(driver.advance(Duration.ofSeconds(239))).isEmpty();
        assertThat(driver.advance(Duration.ofSeconds(1)))
                .startsWith(new FsmAction.SendNotification(new Notification(4, 0)));
    }

    @Test
    void manualStopInEstablishedSendsAdministrativeShutdownAndStaysDown() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.ESTABLISHED, Peers.peerOpen(90));
        List<FsmAction> stop = driver.fire(new FsmEvent.ManualStop());
        assertThat(stop).startsWith(new FsmAction.SendNotification(new Notification(6, 2)), new FsmAction.CloseConnection());
        assertThat(stop).contains(new FsmAction.SessionDown(new DownReason.LocalStop(), Set.of()));
        assertThat(stop).noneMatch(a -> a instanceof FsmAction.StartTimer);
        assertThat(driver.fsm().runningTimers()).isEmpty();
        assertThat(driver.advance(Duration.ofDays(1))).isEmpty();
        assertThat(driver.state()).isEqualTo(SessionState.IDLE);
        assertThat(driver.fsm().errorWait()).isZero();
    }

    @Test
    void errorWaitDoublesPerErrorUpToTheMaximum() {
        FsmDriver driver = new FsmDriver(Peers.calico().build());
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Peers.driveTo(driver, SessionState.OPEN_CONFIRM, Peers.peerOpen(90));
            driver.fire(new FsmEvent.NotificationReceived(new Notification(6, 4)));
            waits.add(driver.remaining(TimerKind.IDLE_HOLD).orElseThrow().toSeconds());
            assertThat(driver.fsm().errorWait()).hasSeconds(waits.getLast());
            // Nothing happens before the wait is over; then the FSM starts by itself.
            assertThat(driver.advance(Duration.ofSeconds(waits.getLast()).minusMillis(1))).isEmpty();
            assertThat(driver.advance(Duration.ofMillis(1)))
                    .containsExactly(new FsmAction.StartTimer(TimerKind.CONNECT_DELAY, Duration.ofSeconds(2)));
            driver.fire(new FsmEvent.ManualStop());
        }
        assertThat(waits).containsExactly(5L, 10L, 20L, 30L, 30L);
    }

    @Test
    void aStableEstablishedPeriodForgetsEarlierErrors() {
        FsmDriver driver = new FsmDriver(Peers.calico().build());
        Peers.driveTo(driver, SessionState.OPEN_CONFIRM, Peers.peerOpen(90));
        driver.fire(new FsmEvent.NotificationReceived(new Notification(6, 4)));
        driver.fire(new FsmEvent.ManualStop());
        Peers.driveTo(driver, SessionState.OPEN_CONFIRM, Peers.peerOpen(90));
        driver.fire(new FsmEvent.NotificationReceived(new Notification(6, 4)));
        assertThat(driver.fsm().errorWait()).hasSeconds(10);

        // Back up, but not for long: errors are still remembered.
        driver.advance(Duration.ofSeconds(10));
        driver.advance(Duration.ofSeconds(2));
        driver.fire(new FsmEvent.TcpConnectionAcknowledged());
        driver.fire(new FsmEvent.BgpOpenReceived(Peers.peerOpen(90)));
        driver.fire(new FsmEvent.KeepaliveReceived());
        for (int i = 0; i < 9; i++) {
            driver.advance(Duration.ofSeconds(30));
            driver.fire(new FsmEvent.KeepaliveReceived());
        }
        assertThat(driver.fsm().errorWait()).hasSeconds(10);
        driver.advance(Duration.ofSeconds(30));
        assertThat(driver.fsm().errorWait()).isZero();
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        assertThat(driver.remaining(TimerKind.IDLE_HOLD)).contains(Duration.ofSeconds(5));
    }

    @Test
    void automaticStartHonoursAPendingErrorWaitButManualStartDoesNot() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.OPEN_SENT, Peers.peerOpen(90));
        driver.fire(new FsmEvent.NotificationReceived(new Notification(2, 2)));
        assertThat(driver.fire(new FsmEvent.AutomaticStart())).isEmpty();
        assertThat(driver.state()).isEqualTo(SessionState.IDLE);
        assertThat(driver.fire(new FsmEvent.ManualStart())).containsExactly(new FsmAction.StopTimer(TimerKind.IDLE_HOLD),
                new FsmAction.StartTimer(TimerKind.CONNECT_DELAY, Duration.ofSeconds(2)));
        assertThat(driver.state()).isEqualTo(SessionState.ACTIVE);
    }

    @Test
    void aStaleTimerExpiryFromTheTransportIsIgnored() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.ESTABLISHED, Peers.peerOpen(90));
        driver.fire(new FsmEvent.ManualStop());
        assertThat(driver.fsm().handle(new FsmEvent.TimerExpired(TimerKind.HOLD))).isEmpty();
        assertThat(driver.fsm().handle(new FsmEvent.TimerExpired(TimerKind.KEEPALIVE))).isEmpty();
    }

    @Test
    void thePeersNotificationIsTheDownReason() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.ESTABLISHED, Peers.peerOpen(90));
        driver.fire(new FsmEvent.NotificationReceived(new Notification(6, 2)));
        assertThat(driver.fsm().lastDown().orElseThrow().describe()).isEqualTo("Received: notification 6/2");
        assertThat(driver.fsm().negotiated()).isEmpty();
    }
}
