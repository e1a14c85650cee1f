package io.tabby.bird.session;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Configurations, OPENs and state set-ups shared by the session tests. */
final class Peers {
    static final long LOCAL_AS = 64512;
    static final long PEER_AS = 64512;
    static final int LOCAL_ID = 0x0a000001;
    static final int PEER_ID = 0x0a000002;
    static final Duration HOLD = Duration.ofSeconds(90);

    private Peers() {
    }

    static InetAddress peerAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {10, 0, 0, 2});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Calico's timers (calico-facts §11), hold 90 s, IPv4 and IPv6, graceful restart on. */
    static SessionConfigBuilder calico() {
        return SessionConfig.builder(LOCAL_AS, LOCAL_ID, peerAddress(), PEER_AS)
                .holdTime(HOLD)
                .connectDelay(Duration.ofSeconds(2))
                .connectRetry(Duration.ofSeconds(5))
                .errorWait(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .families(Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST))
                .gracefulRestart(GracefulRestartMode.ON, Duration.ofSeconds(120));
    }

    /** The peer's OPEN: 4-octet AS, both families, route refresh, plus {@code extra}. */
    static Open peerOpen(int holdSeconds, Capability... extra) {
        List<Capability> capabilities = new ArrayList<>(List.of(
                new Capability.MultiProtocol(1, 1), new Capability.MultiProtocol(2, 1),
                new Capability.RouteRefreshSupport(), new Capability.FourOctetAs(PEER_AS)));
        capabilities.addAll(List.of(extra));
        return Open.of(PEER_AS, holdSeconds, PEER_ID, capabilities);
    }

    /** A peer graceful restart capability for both families with the forwarding bit. */
    static Capability.GracefulRestart peerGracefulRestart(int restartSeconds) {
        return new Capability.GracefulRestart(0, restartSeconds, List.of(
                new Capability.GracefulRestart.Family(1, 1, 0x80), new Capability.GracefulRestart.Family(2, 1, 0x80)));
    }

    /** Drives a fresh FSM to {@code target} over an outgoing connection and the given peer OPEN. */
    static FsmDriver driveTo(SessionConfig config, SessionState target, Open peerOpen) {
        FsmDriver driver = new FsmDriver(config);
        driveTo(driver, target, peerOpen);
        return driver;
    }

    static void driveTo(FsmDriver driver, SessionState target, Open peerOpen) {
        if (target == SessionState.IDLE) {
            return;
        }
        driver.fire(new FsmEvent.ManualStart());
        if (target == SessionState.ACTIVE) {
            return;
        }
        driver.advance(driver.fsm().config().connectDelay());
        if (target == SessionState.CONNECT) {
            return;
        }
        driver.fire(new FsmEvent.TcpConnectionAcknowledged());
        if (target == SessionState.OPEN_SENT) {
            return;
        }
        driver.fire(new FsmEvent.BgpOpenReceived(peerOpen));
        if (target == SessionState.OPEN_CONFIRM) {
            return;
        }
        driver.fire(new FsmEvent.KeepaliveReceived());
    }
}
