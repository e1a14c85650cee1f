package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.session.FsmEvent;
import io.tabby.bird.session.SessionConfig;
import io.tabby.bird.session.SessionFsm;
import io.tabby.bird.session.SessionState;
import io.tabby.bird.transport.LoopTimers;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 4271 §6.8 on receipt of the OPEN: the connection that loses is closed before it answers the
 * OPEN with a KEEPALIVE, so the peer never reaches Established on a connection we close.
 */
class CollisionChoiceTest {
    private static final int LOCAL_ID = 0x0a000005;
    private static final BgpProtocol PROTOCOL = TestConfigs.parse("""
            router id 10.0.0.5;
            protocol bgp Mesh_10_0_0_9 {
              local as 64512;
              neighbor 10.0.0.9 as 64512;
            }
            """, RouterFamily.IPV4).bgpProtocols().getFirst();
    private static final SessionConfig CONFIG = SessionConfigs.of(PROTOCOL, LOCAL_ID);

    private final EmbeddedChannel loop = new EmbeddedChannel();

    private Attempt openSent(boolean outgoing) {
        Attempt attempt = new Attempt(new SessionFsm(CONFIG), new LoopTimers(loop.eventLoop(), kind -> { }));
        attempt.outgoing = outgoing;
        attempt.fsm.handle(new FsmEvent.ManualStart());
        attempt.fsm.handle(new FsmEvent.TcpConnectionConfirmed());
        assertThat(attempt.fsm.state()).isEqualTo(SessionState.OPEN_SENT);
        return attempt;
    }

    private static Open openFrom(int routerId) {
        return Open.of(64512, 90, routerId, List.of(new Capability.MultiProtocol(1, 1), new Capability.FourOctetAs(64512)));
    }

    @Test
    void aHigherPeerKeepsTheConnectionItOpened() {
        Attempt out = openSent(true);
        Attempt in = openSent(false);
        Open higher = openFrom(0x0a000009);

        assertThat(CollisionChoice.losesOnArrival(out, in, higher, CONFIG)).isTrue();
        assertThat(CollisionChoice.losesOnArrival(in, out, higher, CONFIG)).isFalse();
    }

    @Test
    void aLowerPeerLosesTheConnectionItOpened() {
        Attempt out = openSent(true);
        Attempt in = openSent(false);
        Open lower = openFrom(0x0a000001);

        assertThat(CollisionChoice.losesOnArrival(in, out, lower, CONFIG)).isTrue();
        assertThat(CollisionChoice.losesOnArrival(out, in, lower, CONFIG)).isFalse();
    }

    @Test
    void anEstablishedConnectionAlwaysSurvives() {
        Attempt out = openSent(true);
        out.fsm.handle(new FsmEvent.BgpOpenReceived(openFrom(0x0a000009)));
        out.fsm.handle(new FsmEvent.KeepaliveReceived());
        assertThat(out.fsm.state()).isEqualTo(SessionState.ESTABLISHED);
        Attempt in = openSent(false);

        assertThat(CollisionChoice.losesOnArrival(in, out, openFrom(0x0a000009), CONFIG)).isTrue();
    }

    @Test
    void noSecondConnectionNoCollision() {
        assertThat(CollisionChoice.losesOnArrival(openSent(true), null, openFrom(0x0a000009), CONFIG)).isFalse();
    }
}
