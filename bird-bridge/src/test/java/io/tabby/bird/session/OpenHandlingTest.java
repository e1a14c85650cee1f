package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.codec.BgpError;
import io.tabby.bird.wire.codec.DecodeResult;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenHandlingTest {
    private static Open sentOpen(SessionConfig config, boolean restarting) {
        FsmDriver driver = new FsmDriver(new SessionFsm(config, new PeerMemory(config, restarting)));
        Peers.driveTo(driver, SessionState.OPEN_SENT, Peers.peerOpen(90));
        return driver.history().stream().filter(a -> a instanceof FsmAction.SendOpen)
                .map(a -> ((FsmAction.SendOpen) a).open()).findFirst().orElseThrow();
    }

    /** Feeds {@code open} in OpenSent and returns the NOTIFICATION sent, checking the session ended. */
    private static Notification rejection(SessionConfig config, Open open) {
        FsmDriver driver = Peers.driveTo(config, SessionState.OPEN_SENT, open);
        List<FsmAction> actions = driver.fire(new FsmEvent.BgpOpenReceived(open));
        assertThat(driver.state()).isEqualTo(SessionState.IDLE);
        assertThat(actions.get(1)).isEqualTo(new FsmAction.CloseConnection());
        assertThat(actions).contains(new FsmAction.StartTimer(TimerKind.IDLE_HOLD, Duration.ofSeconds(5)));
        return ((FsmAction.SendNotification) actions.get(0)).notification();
    }

    @Test
    void ourOpenCarriesTheConfiguredCapabilities() {
        SessionConfig config = Peers.calico().addPath(AddPathMode.BOTH).extendedMessage(true).build();
        Open open = sentOpen(config, false);
        assertThat(open.myAs()).isEqualTo(64512);
        assertThat(open.capabilities()).containsExactly(
                new Capability.MultiProtocol(1, 1),
                new Capability.MultiProtocol(2, 1),
                new Capability.RouteRefreshSupport(),
                new Capability.ExtendedMessage(),
                new Capability.GracefulRestart(0, 120, List.of(new Capability.GracefulRestart.Family(1, 1, 0x80),
                        new Capability.GracefulRestart.Family(2, 1, 0x80))),
                new Capability.FourOctetAs(64512),
                new Capability.AddPath(List.of(new Capability.AddPath.Family(1, 1, 3), new Capability.AddPath.Family(2, 1, 3))));
    }

    @Test
    void gracefulRestartModesShapeTheCapability() {
        SessionConfig aware = Peers.calico().gracefulRestart(GracefulRestartMode.AWARE, Duration.ofSeconds(90)).build();
        assertThat(sentOpen(aware, true).capability(Capability.GracefulRestart.class))
                .contains(new Capability.GracefulRestart(0, 90, List.of()));
        SessionConfig off = Peers.calico().gracefulRestart(GracefulRestartMode.OFF, Duration.ofSeconds(90)).build();
        assertThat(sentOpen(off, true).capability(Capability.GracefulRestart.class)).isEmpty();
        assertThat(sentOpen(Peers.calico().build(), true).capability(Capability.GracefulRestart.class).orElseThrow()
                .restarting()).isTrue();
    }

    @Test
    void aFourOctetLocalAsTravelsAsAsTrans() {
        SessionConfig config = SessionConfig.builder(4_200_000_000L, Peers.LOCAL_ID, Peers.peerAddress(), 64512).build();
        Open open = sentOpen(config, false);
        assertThat(open.myAs()).isEqualTo(Open.AS_TRANS);
        assertThat(open.capability(Capability.FourOctetAs.class)).contains(new Capability.FourOctetAs(4_200_000_000L));
    }

    @Test
    void theRestartBitIsDroppedAfterTheFirstEstablished() {
        FsmDriver driver = new FsmDriver(new SessionFsm(Peers.calico().build(), new PeerMemory(Peers.calico().build(), true)));
        Peers.driveTo(driver, SessionState.ESTABLISHED, Peers.peerOpen(90));
        driver.fire(new FsmEvent.TcpConnectionFails("reset"));
        driver.advance(Duration.ofSeconds(10));
        List<FsmAction> reconnect = driver.fire(new FsmEvent.TcpConnectionAcknowledged());
        Open again = reconnect.stream().filter(a -> a instanceof FsmAction.SendOpen).map(a -> ((FsmAction.SendOpen) a).open())
                .findFirst().orElseThrow();
        assertThat(again.capability(Capability.GracefulRestart.class).orElseThrow().restarting()).isFalse();
    }

    @Test
    void wrongPeerAsIsBadPeerAs() {
        Open open = Open.of(64999, 90, Peers.PEER_ID, List.of(new Capability.FourOctetAs(64999)));
        assertThat(rejection(Peers.calico().build(), open)).isEqualTo(new Notification(2, 2, Bytes.of((byte) 0xfd, (byte) 0xe7)));
    }

    @Test
    void anIbgpPeerWithOurIdentifierIsBadBgpIdentifier() {
        Open open = Open.of(Peers.PEER_AS, 90, Peers.LOCAL_ID, List.of(new Capability.FourOctetAs(Peers.PEER_AS)));
        assertThat(rejection(Peers.calico().build(), open)).isEqualTo(new Notification(2, 3));
    }

    @Test
    void holdTimeBelowThreeSecondsIsUnacceptable() {
        assertThat(rejection(Peers.calico().build(), Peers.peerOpen(2))).isEqualTo(new Notification(2, 6));
        assertThat(rejection(Peers.calico().build(), Peers.peerOpen(1))).isEqualTo(new Notification(2, 6));
    }

    @Test
    void noCommonFamilyIsUnsupportedCapabilityListingOurs() {
        SessionConfig v6Only = Peers.calico().families(Set.of(AfiSafi.IPV6_UNICAST)).build();
        Open v4Peer = Open.of(Peers.PEER_AS, 90, Peers.PEER_ID, List.of(new Capability.FourOctetAs(Peers.PEER_AS)));
        assertThat(rejection(v6Only, v4Peer)).isEqualTo(new Notification(2, 7, Bytes.fromHex("01 04 0002 00 01")));
    }

    @Test
    void aPeerWithoutMultiprotocolImpliesIpv4Unicast() {
        Open plain = Open.of(Peers.PEER_AS, 90, Peers.PEER_ID, List.of());
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.OPEN_CONFIRM, plain);
        Negotiated negotiated = driver.fsm().negotiated().orElseThrow();
        assertThat(negotiated.families()).containsExactly(AfiSafi.IPV4_UNICAST);
        assertThat(negotiated.options().send().fourOctetAs()).isFalse();
        assertThat(negotiated.routeRefresh()).isFalse();
    }

    @Test
    void holdTimeIsTheSmallerAndZeroDisablesKeepalives() {
        FsmDriver shorter = Peers.driveTo(Peers.calico().build(), SessionState.OPEN_CONFIRM, Peers.peerOpen(9));
        assertThat(shorter.remaining(TimerKind.HOLD)).contains(Duration.ofSeconds(9));
        assertThat(shorter.remaining(TimerKind.KEEPALIVE)).contains(Duration.ofSeconds(3));

        FsmDriver zero = Peers.driveTo(Peers.calico().build(), SessionState.OPEN_CONFIRM, Peers.peerOpen(0));
        assertThat(zero.remaining(TimerKind.HOLD)).isEmpty();
        assertThat(zero.remaining(TimerKind.KEEPALIVE)).isEmpty();
        zero.fire(new FsmEvent.KeepaliveReceived());
        assertThat(zero.advance(Duration.ofDays(1))).isEmpty();
        assertThat(zero.state()).isEqualTo(SessionState.ESTABLISHED);
    }

    @Test
    void aConfiguredKeepaliveBelowAThirdIsKept() {
        SessionConfig config = Peers.calico().keepaliveTime(Duration.ofSeconds(10)).build();
        FsmDriver driver = Peers.driveTo(config, SessionState.OPEN_CONFIRM, Peers.peerOpen(90));
        assertThat(driver.remaining(TimerKind.KEEPALIVE)).contains(Duration.ofSeconds(10));
        FsmDriver capped = Peers.driveTo(config, SessionState.OPEN_CONFIRM, Peers.peerOpen(15));
        assertThat(capped.remaining(TimerKind.KEEPALIVE)).contains(Duration.ofSeconds(5));
    }

    @Test
    void codecResetsMapToTheirEvents() {
        DecodeResult.SessionReset header = new DecodeResult.SessionReset(BgpError.BAD_MESSAGE_LENGTH, Bytes.EMPTY, "x");
        DecodeResult.SessionReset open = new DecodeResult.SessionReset(BgpError.UNSUPPORTED_VERSION_NUMBER, Bytes.EMPTY, "x");
        DecodeResult.SessionReset update = new DecodeResult.SessionReset(BgpError.MALFORMED_AS_PATH, Bytes.EMPTY, "x");
        assertThat(FsmEvent.decodeError(header)).isEqualTo(new FsmEvent.BgpHeaderErr(header));
        assertThat(FsmEvent.decodeError(open)).isEqualTo(new FsmEvent.BgpOpenMsgErr(open));
        assertThat(FsmEvent.decodeError(update)).isEqualTo(new FsmEvent.UpdateMsgErr(update));
    }

    @Test
    void aCodecOpenErrorSendsTheCodecsNotification() {
        FsmDriver driver = Peers.driveTo(Peers.calico().build(), SessionState.OPEN_SENT, Peers.peerOpen(90));
        DecodeResult.SessionReset reset = new DecodeResult.SessionReset(BgpError.UNSUPPORTED_VERSION_NUMBER,
                Bytes.of((byte) 0, (byte) 4), "version 3");
        assertThat(driver.fire(new FsmEvent.BgpOpenMsgErr(reset)))
                .startsWith(new FsmAction.SendNotification(new Notification(2, 1, Bytes.of((byte) 0, (byte) 4))));
        assertThat(driver.fsm().lastDown().orElseThrow().describe()).isEqualTo("Error: version 3 (sent 2/1)");
    }
}
