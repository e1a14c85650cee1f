package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.RouteRefresh;
import io.tabby.bird.wire.message.Update;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HappyPathTest {
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);

    @Test
    void activeOpenWaitsTheConnectDelayThenConnectsAndEstablishes() {
        FsmDriver driver = new FsmDriver(Peers.calico().build());

        assertThat(driver.fire(new FsmEvent.ManualStart()))
                .containsExactly(new FsmAction.StartTimer(TimerKind.CONNECT_DELAY, Duration.ofSeconds(2)));
        assertThat(driver.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(driver.advance(Duration.ofMillis(1999))).isEmpty();

        assertThat(driver.advance(Duration.ofMillis(1))).containsExactly(new FsmAction.Connect(),
                new FsmAction.StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(5)));
        assertThat(driver.state()).isEqualTo(SessionState.CONNECT);

        List<FsmAction> onConnected = driver.fire(new FsmEvent.TcpConnectionAcknowledged());
        assertThat(onConnected).hasSize(3);
        assertThat(onConnected.get(0)).isEqualTo(new FsmAction.StopTimer(TimerKind.CONNECT_RETRY));
        assertThat(onConnected.get(1)).isInstanceOf(FsmAction.SendOpen.class);
        assertThat(onConnected.get(2)).isEqualTo(new FsmAction.StartTimer(TimerKind.HOLD, Duration.ofSeconds(240)));
        Open sent = ((FsmAction.SendOpen) onConnected.get(1)).open();
        assertThat(sent.holdTime()).isEqualTo(90);
        assertThat(sent.bgpIdentifier()).isEqualTo(Peers.LOCAL_ID);
        assertThat(driver.state()).isEqualTo(SessionState.OPEN_SENT);

        assertThat(driver.fire(new FsmEvent.BgpOpenReceived(Peers.peerOpen(180)))).containsExactly(
                new FsmAction.SendKeepalive(),
                new FsmAction.StartTimer(TimerKind.HOLD, Peers.HOLD),
                new FsmAction.StartTimer(TimerKind.KEEPALIVE, KEEPALIVE));
        assertThat(driver.state()).isEqualTo(SessionState.OPEN_CONFIRM);

        List<FsmAction> up = driver.fire(new FsmEvent.KeepaliveReceived());
        assertThat(driver.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(up.get(0)).isEqualTo(new FsmAction.StartTimer(TimerKind.HOLD, Peers.HOLD));
        Negotiated negotiated = ((FsmAction.SessionEstablished) up.get(1)).negotiated();
        assertThat(negotiated.families()).containsExactlyInAnyOrder(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST);
        assertThat(negotiated.holdTime()).isEqualTo(Peers.HOLD);
        assertThat(negotiated.keepaliveTime()).isEqualTo(KEEPALIVE);
        assertThat(negotiated.routeRefresh()).isTrue();
        assertThat(negotiated.options().receive().fourOctetAs()).isTrue();
        assertThat(up.get(2)).isEqualTo(new FsmAction.StartTimer(TimerKind.STABLE, Duration.ofSeconds(300)));
        assertThat(driver.fsm().negotiated()).contains(negotiated);
    }

    @Test
    void passiveOpenWaitsForThePeerWithoutTimers() {
        FsmDriver driver = new FsmDriver(Peers.calico().passive(true).build());
        assertThat(driver.fire(new FsmEvent.ManualStart())).isEmpty();
        assertThat(driver.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(driver.advance(Duration.ofHours(1))).isEmpty();

        List<FsmAction> accepted = driver.fire(new FsmEvent.TcpConnectionConfirmed());
        assertThat(accepted.get(0)).isInstanceOf(FsmAction.SendOpen.class);
        assertThat(accepted).noneMatch(a -> a instanceof FsmAction.Connect);
        driver.fire(new FsmEvent.BgpOpenReceived(Peers.peerOpen(90)));
        driver.fire(new FsmEvent.KeepaliveReceived());
        assertThat(driver.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(driver.history()).noneMatch(a -> a instanceof FsmAction.Connect);
    }

    @Test
    void zeroConnectDelayConnectsAtOnce() {
        FsmDriver driver = new FsmDriver(Peers.calico().connectDelay(Duration.ZERO).build());
        assertThat(driver.fire(new FsmEvent.ManualStart())).startsWith(new FsmAction.Connect());
        assertThat(driver.state()).isEqualTo(SessionState.CONNECT);
    }

    @Test
    void establishedSendsKeepalivesAndDeliversUpdatesWhileTheHoldTimerIsFed() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.ESTABLISHED, Peers.peerOpen(90));
        assertThat(driver.advance(KEEPALIVE)).containsExactly(new FsmAction.SendKeepalive(),
                new FsmAction.StartTimer(TimerKind.KEEPALIVE, KEEPALIVE));

        Update update = Update.endOfRib(AfiSafi.IPV6_UNICAST);
        assertThat(driver.fire(new FsmEvent.UpdateReceived(update))).containsExactly(
                new FsmAction.StartTimer(TimerKind.HOLD, Peers.HOLD), new FsmAction.DeliverUpdate(update));
        // Ten minutes of traffic: keepalives both ways keep the session up.
        for (int i = 0; i < 20; i++) {
            driver.advance(KEEPALIVE);
            driver.fire(new FsmEvent.KeepaliveReceived());
        }
        assertThat(driver.state()).isEqualTo(SessionState.ESTABLISHED);
        assertThat(driver.history()).filteredOn(a -> a instanceof FsmAction.SendKeepalive).hasSize(1 + 1 + 20);
    }

    @Test
    void connectRetryAbandonsASlowAttemptAndTriesAgain() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.CONNECT, Peers.peerOpen(90));
        assertThat(driver.advance(Duration.ofSeconds(5))).containsExactly(new FsmAction.CloseConnection(),
                new FsmAction.Connect(), new FsmAction.StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(5)));
        assertThat(driver.state()).isEqualTo(SessionState.CONNECT);
    }

    @Test
    void aFailedAttemptWaitsTheConnectRetryTimeInActive() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.CONNECT, Peers.peerOpen(90));
        assertThat(driver.fire(new FsmEvent.TcpConnectionFails("connection refused"))).containsExactly(
                new FsmAction.StopTimer(TimerKind.CONNECT_RETRY),
                new FsmAction.StartTimer(TimerKind.CONNECT_RETRY, Duration.ofSeconds(5)));
        assertThat(driver.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(driver.fsm().lastDown()).contains(new DownReason.ConnectionLost("connection refused"));
        assertThat(driver.fsm().errorWait()).isZero();
        assertThat(driver.advance(Duration.ofSeconds(5))).startsWith(new FsmAction.Connect());
    }

    @Test
    void routeRefreshIsDeliveredForNegotiatedFamiliesOnly() {
        SessionConfig v4Only = Peers.calico().families(Set.of(AfiSafi.IPV4_UNICAST)).build();
        FsmDriver driver = Peers.driveTo(v4Only, SessionState.ESTABLISHED, Peers.peerOpen(90));
        assertThat(driver.fire(new FsmEvent.RouteRefreshReceived(
                RouteRefresh.of(AfiSafi.IPV4_UNICAST))))
                .contains(new FsmAction.DeliverRouteRefresh(AfiSafi.IPV4_UNICAST));
        assertThat(driver.fire(new FsmEvent.RouteRefreshReceived(
                RouteRefresh.of(AfiSafi.IPV6_UNICAST))))
                .noneMatch(a -> a instanceof FsmAction.DeliverRouteRefresh);
    }

    @Test
    void treatAsWithdrawIsDeliveredAndFeedsTheHoldTimer() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.ESTABLISHED, Peers.peerOpen(90));
        driver.advance(Duration.ofSeconds(80));
        DecodeResult.TreatAsWithdraw withdraw = new DecodeResult.TreatAsWithdraw(
                List.of(PrefixList.empty(AfiSafi.IPV4_UNICAST)), "malformed ORIGIN");
        assertThat(driver.fire(new FsmEvent.WithdrawReceived(withdraw))).containsExactly(
                new FsmAction.StartTimer(TimerKind.HOLD, Peers.HOLD), new FsmAction.DeliverWithdraw(withdraw));
        driver.advance(Duration.ofSeconds(80));
        assertThat(driver.state()).isEqualTo(SessionState.ESTABLISHED);
    }
}
