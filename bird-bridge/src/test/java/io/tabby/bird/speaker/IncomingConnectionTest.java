package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.rib.Rib;
import io.tabby.bird.rib.RibConfig;
import io.tabby.bird.session.SessionState;
import io.tabby.bird.transport.BgpFrameDecoder;
import io.tabby.bird.transport.BgpSockets;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Open;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer's OPEN that arrives on an accepted connection as soon as it is accepted reaches the FSM:
 * the connection is given to the FSM before it reads (at once when accepted on the peer's own
 * loop, else in the task that adopts it), never after its first frames.
 */
class IncomingConnectionTest {
    private static final int ROUTER_ID = 0x0a000001;
    private static final BgpProtocol PROTOCOL = TestConfigs.parse("""
            router id 10.0.0.1;
            protocol bgp Mesh_10_0_0_2 {
              local as 64512;
              neighbor 10.0.0.2 as 64512;
              passive on;
            }
            """, RouterFamily.IPV4).bgpProtocols().getFirst();

    private final AttributeInterner interner = new AttributeInterner();
    private final BgpSockets sockets = new BgpSockets(1, Thread.ofPlatform().name("incoming-test-io").factory());
    private final RibWorker rib = new RibWorker(new Rib(RibConfig.of(64512, ROUTER_ID), interner), interner,
            Thread.ofPlatform().name("incoming-test-rib").factory());
    private final PeerStatusCell status = new PeerStatusCell(PROTOCOL.name(), PROTOCOL.neighbor(), 64512, Instant.EPOCH);

    @AfterEach
    void stop() {
        rib.close();
        sockets.close();
    }

    private PeerSession peer(EventLoop loop) {
        return new PeerSession(1, PROTOCOL, SessionConfigs.of(PROTOCOL, ROUTER_ID), loop, sockets, rib, interner, status,
                Clock.systemUTC(), false);
    }

    private static ByteBuf peerOpen() {
        ByteBuf out = Unpooled.buffer();
        new MessageEncoder(SessionOptions.BASELINE).encode(Open.of(64512, 90, 0x0a000002,
                List.of(new Capability.MultiProtocol(1, 1), new Capability.FourOctetAs(64512))), out);
        return out;
    }

    /** An accepted channel as the listener hands it over: not reading, with the frame decoder. */
    private static void accepted(EmbeddedChannel channel, EventLoop loop) {
        channel.config().setAutoRead(false);
        channel.pipeline().addLast(loop, "frames", new BgpFrameDecoder());
    }

    @Test
    void onThePeersOwnLoopTheConnectionIsOwnedBeforeItsFirstFrame() {
        EmbeddedChannel channel = new EmbeddedChannel();
        PeerSession peer = peer(channel.eventLoop());
        peer.start();
        accepted(channel, channel.eventLoop());

        peer.incoming(channel);
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.writeInbound(peerOpen());

        assertThat(status.snapshot().state()).isEqualTo(SessionState.OPEN_CONFIRM);
        assertThat(status.snapshot().lastError()).isEmpty();
    }

    @Test
    void fromAnotherThreadTheConnectionReadsOnlyOnceAdopted() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            EmbeddedChannel channel = new EmbeddedChannel();
            PeerSession peer = peer(loop);
            loop.submit(peer::start).get(5, TimeUnit.SECONDS);
            // The adoption waits behind a task on the peer's loop; the channel must not read meanwhile.
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            loop.execute(() -> {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            accepted(channel, loop);
            peer.incoming(channel);
            assertThat(channel.config().isAutoRead()).as("not adopted yet").isFalse();
            release.countDown();

            await().atMost(Duration.ofSeconds(5)).until(() -> channel.config().isAutoRead());
            assertThat(loop.submit(() -> status.snapshot().state()).get(5, TimeUnit.SECONDS))
                    .isEqualTo(SessionState.OPEN_SENT);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
