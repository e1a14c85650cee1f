package io.tabby.bird.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tabby.bird.session.FsmEvent;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Notification;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An accepted connection reads nothing until its owner asks: what the peer sent at once (its OPEN)
 * waits in the socket for the session instead of reaching a handler nobody owns yet.
 */
class BgpSocketsTest {

    @Test
    void anAcceptedConnectionReadsOnlyOnceItsOwnerTurnsReadingOn() throws Exception {
        AtomicInteger received = new AtomicInteger();
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        CompletableFuture<Boolean> autoReadAtAccept = new CompletableFuture<>();
        try (BgpSockets sockets = new BgpSockets(1, Thread.ofPlatform().name("bgp-sockets-test").factory())) {
            Channel listener = sockets.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Map.of(),
                    channel -> {
                        autoReadAtAccept.complete(channel.config().isAutoRead());
                        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                received.addAndGet(((ByteBuf) msg).readableBytes());
                                ((ByteBuf) msg).release();
                            }
                        });
                        accepted.complete(channel);
                    });
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), ((InetSocketAddress) listener.localAddress()).getPort())) {
                OutputStream out = peer.getOutputStream();
                out.write(new byte[64]);
                out.flush();
                Channel channel = accepted.get(10, TimeUnit.SECONDS);

                assertThat(autoReadAtAccept.get(10, TimeUnit.SECONDS)).isFalse();
                assertThat(received).hasValue(0);
                channel.config().setAutoRead(true);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(received).hasValue(64));
            }
        }
    }

    @Test
    void aClosedConnectionDeliversItsNotificationThoughThePeersInputWasNeverRead() throws Exception {
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        try (BgpSockets sockets = new BgpSockets(1, Thread.ofPlatform().name("bgp-sockets-test").factory())) {
            Channel listener = sockets.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Map.of(),
                    channel -> {
                        channel.pipeline().addLast(new BgpFrameDecoder());
                        accepted.complete(channel);
                    });
            try (Socket peer = new Socket(InetAddress.getLoopbackAddress(), ((InetSocketAddress) listener.localAddress()).getPort())) {
                peer.setSoTimeout(10_000);
                // Input the speaker never reads: closing over it would send a reset.
                peer.getOutputStream().write(new byte[4096]);
                peer.getOutputStream().flush();
                Channel channel = accepted.get(10, TimeUnit.SECONDS);
                BgpConnection connection = new BgpConnection(channel, channel.eventLoop(), SessionOptions.BASELINE,
                        new AttributeInterner(), new ConnectionListener() {
                            @Override
                            public void onEvent(BgpConnection c, FsmEvent event) {
                            }

                            @Override
                            public void onWritable(BgpConnection c) {
                            }
                        });
                channel.eventLoop().submit(() -> {
                    channel.pipeline().addLast(connection);
                    connection.send(new Notification(6, 7));
                    connection.close();
                }).get(10, TimeUnit.SECONDS);

                byte[] notification = peer.getInputStream().readNBytes(21);
                assertThat(notification).hasSize(21);
                assertThat(notification[18]).as("type NOTIFICATION").isEqualTo((byte) 3);
                assertThat(notification[19]).isEqualTo((byte) 6);
                assertThat(notification[20]).isEqualTo((byte) 7);
                assertThat(peer.getInputStream().read()).as("then end of stream, not a reset").isEqualTo(-1);
            }
        }
    }
}
