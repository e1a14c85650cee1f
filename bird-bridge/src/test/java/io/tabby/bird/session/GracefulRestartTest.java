package io.tabby.bird.session;

import static io.tabby.bird.wire.AfiSafi.IPV4_UNICAST;
import static io.tabby.bird.wire.AfiSafi.IPV6_UNICAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.Update;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The receiving-speaker role of RFC 4724 §4.2, as the RIB will see it through actions. */
class GracefulRestartTest {
    private static final Open GR_PEER = Peers.peerOpen(90, Peers.peerGracefulRestart(120));

    private static FsmDriver established(SessionConfig config, Open peer) {
        return Peers.driveTo(config, SessionState.ESTABLISHED, peer);
    }

    /** From Idle or Active after the drop, back to Established with {@code peer}'s new OPEN. */
    private static List<FsmAction> reconnect(FsmDriver driver, Open peer) {
        driver.advance(Duration.ofSeconds(2));
        driver.fire(new FsmEvent.TcpConnectionAcknowledged());
        driver.fire(new FsmEvent.BgpOpenReceived(peer));
        return driver.fire(new FsmEvent.KeepaliveReceived());
    }

    @Test
    void aLostConnectionKeepsTheRoutesStaleAndRestartsAtOnce() {
        FsmDriver driver = established(Peers.calico().build(), GR_PEER);
        List<FsmAction> lost = driver.fire(new FsmEvent.TcpConnectionFails("connection reset by peer"));
        assertThat(lost).contains(
                new FsmAction.StartTimer(TimerKind.GR_RESTART, Duration.ofSeconds(120)),
                new FsmAction.SessionDown(new DownReason.ConnectionLost("connection reset by peer"),
                        Set.of(IPV4_UNICAST, IPV6_UNICAST)),
                new FsmAction.StartTimer(TimerKind.CONNECT_DELAY, Duration.ofSeconds(2)));
        assertThat(lost).noneMatch(a -> a instanceof FsmAction.SendNotification);
        assertThat(driver.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(driver.remaining(TimerKind.IDLE_HOLD)).isEmpty();
        assertThat(driver.fsm().staleFamilies()).containsExactlyInAnyOrder(IPV4_UNICAST, IPV6_UNICAST);
    }

    @Test
    void endOfRibClearsStalenessPerFamily() {
        FsmDriver driver = established(Peers.calico().build(), GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        List<FsmAction> back = reconnect(driver, GR_PEER);
        assertThat(back).contains(new FsmAction.StopTimer(TimerKind.GR_RESTART),
                new FsmAction.StartTimer(TimerKind.GR_STALE, Duration.ofSeconds(360)));
        assertThat(back).noneMatch(a -> a instanceof FsmAction.FlushStale);

        Update v6Eor = Update.endOfRib(IPV6_UNICAST);
        assertThat(driver.fire(new FsmEvent.UpdateReceived(v6Eor))).containsExactly(
                new FsmAction.StartTimer(TimerKind.HOLD, Peers.HOLD), new FsmAction.DeliverUpdate(v6Eor),
                new FsmAction.FlushStale(Set.of(IPV6_UNICAST)));
        assertThat(driver.fsm().staleFamilies()).containsExactly(IPV4_UNICAST);

        Update v4Eor = Update.endOfRib(IPV4_UNICAST);
        assertThat(driver.fire(new FsmEvent.UpdateReceived(v4Eor))).endsWith(
                new FsmAction.FlushStale(Set.of(IPV4_UNICAST)), new FsmAction.StopTimer(TimerKind.GR_STALE));
        assertThat(driver.fsm().staleFamilies()).isEmpty();
        // A second End-of-RIB changes nothing.
        assertThat(driver.fire(new FsmEvent.UpdateReceived(v4Eor))).noneMatch(a -> a instanceof FsmAction.FlushStale);
    }

    @Test
    void thePeersRestartTimeRunningOutFlushesTheStaleRoutes() {
        FsmDriver driver = established(Peers.calico().passive(true).build(), GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        assertThat(driver.advance(Duration.ofSeconds(119))).isEmpty();
        assertThat(driver.advance(Duration.ofSeconds(1)))
                .containsExactly(new FsmAction.FlushStale(Set.of(IPV4_UNICAST, IPV6_UNICAST)));
        assertThat(driver.fsm().staleFamilies()).isEmpty();
    }

    @Test
    void theStaleTimeBoundsTheWaitForEndOfRib() {
        FsmDriver driver = established(Peers.calico().staleTime(Duration.ofSeconds(60)).build(), GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        reconnect(driver, GR_PEER);
        driver.fire(new FsmEvent.UpdateReceived(Update.endOfRib(IPV4_UNICAST)));
        driver.advance(Duration.ofSeconds(30));
        driver.fire(new FsmEvent.KeepaliveReceived());
        assertThat(driver.advance(Duration.ofSeconds(30))).contains(new FsmAction.FlushStale(Set.of(IPV6_UNICAST)));
        assertThat(driver.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void familiesWithoutTheForwardingBitAfterTheRestartAreFlushedAtOnce() {
        FsmDriver driver = established(Peers.calico().build(), GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        Open onlyV4Kept = Peers.peerOpen(90, new Capability.GracefulRestart(8, 120, List.of(
                new Capability.GracefulRestart.Family(1, 1, 0x80), new Capability.GracefulRestart.Family(2, 1, 0))));
        assertThat(reconnect(driver, onlyV4Kept)).contains(new FsmAction.FlushStale(Set.of(IPV6_UNICAST)));
        assertThat(driver.fsm().staleFamilies()).containsExactly(IPV4_UNICAST);

        FsmDriver noCapability = established(Peers.calico().build(), GR_PEER);
        noCapability.fire(new FsmEvent.TcpConnectionFails("reset"));
        List<FsmAction> back = reconnect(noCapability, Peers.peerOpen(90));
        assertThat(back).contains(new FsmAction.FlushStale(Set.of(IPV4_UNICAST, IPV6_UNICAST)));
        assertThat(back).noneMatch(a -> a instanceof FsmAction.StartTimer s && s.kind() == TimerKind.GR_STALE);
    }

    @Test
    void aNotificationEndsTheSessionWithoutStaleRoutes() {
        FsmDriver received = established(Peers.calico().build(), GR_PEER);
        assertThat(received.fire(new FsmEvent.NotificationReceived(new Notification(6, 4))))
                .contains(new FsmAction.SessionDown(new DownReason.ReceivedNotification(new Notification(6, 4)), Set.of()));
        FsmDriver expired = established(Peers.calico().build(), GR_PEER);
        expired.advance(Duration.ofSeconds(90));
        assertThat(expired.history()).filteredOn(a -> a instanceof FsmAction.SessionDown)
                .singleElement().extracting(a -> ((FsmAction.SessionDown) a).staleFamilies()).isEqualTo(Set.of());
        assertThat(expired.remaining(TimerKind.GR_RESTART)).isEmpty();
    }

    @Test
    void noStaleRoutesUnlessBothSidesAdvertisedGracefulRestart() {
        FsmDriver plainPeer = established(Peers.calico().build(), Peers.peerOpen(90));
        assertThat(plainPeer.fire(new FsmEvent.TcpConnectionFails("reset")))
                .contains(new FsmAction.SessionDown(new DownReason.ConnectionLost("reset"), Set.of()));

        SessionConfig off = Peers.calico().gracefulRestart(GracefulRestartMode.OFF, Duration.ofSeconds(120)).build();
        FsmDriver localOff = established(off, GR_PEER);
        assertThat(localOff.fire(new FsmEvent.TcpConnectionFails("reset")))
                .contains(new FsmAction.SessionDown(new DownReason.ConnectionLost("reset"), Set.of()));

        FsmDriver zeroTime = established(Peers.calico().build(), Peers.peerOpen(90, Peers.peerGracefulRestart(0)));
        assertThat(zeroTime.fire(new FsmEvent.TcpConnectionFails("reset")))
                .contains(new FsmAction.SessionDown(new DownReason.ConnectionLost("reset"), Set.of()));
    }

    @Test
    void awareModeHelpsAPeerThatPreservesForwarding() {
        SessionConfig aware = Peers.calico().gracefulRestart(GracefulRestartMode.AWARE, Duration.ofSeconds(120)).build();
        FsmDriver driver = established(aware, GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        assertThat(driver.fsm().staleFamilies()).containsExactlyInAnyOrder(IPV4_UNICAST, IPV6_UNICAST);
    }

    @Test
    void manualStopFlushesStaleRoutes() {
        FsmDriver driver = established(Peers.calico().build(), GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        List<FsmAction> stop = driver.fire(new FsmEvent.ManualStop());
        assertThat(stop).contains(new FsmAction.FlushStale(Set.of(IPV4_UNICAST, IPV6_UNICAST)),
                new FsmAction.StopTimer(TimerKind.GR_RESTART));
        assertThat(driver.fsm().runningTimers()).isEmpty();
    }

    @Test
    void aSecondNonGracefulDropWhileStaleFlushesEverything() {
        FsmDriver driver = established(Peers.calico().build(), GR_PEER);
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        reconnect(driver, GR_PEER);
        List<FsmAction> notified = driver.fire(new FsmEvent.NotificationReceived(new Notification(6, 3)));
        assertThat(notified).contains(new FsmAction.SessionDown(
                new DownReason.ReceivedNotification(new Notification(6, 3)), Set.of()));
        assertThat(driver.fsm().staleFamilies()).isEmpty();
        assertThat(driver.remaining(TimerKind.GR_STALE)).isEmpty();
    }
}
