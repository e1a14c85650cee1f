package io.tabby.bird.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tabby.bird.session.FsmEvent;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Update;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BgpConnectionTest {
    private final List<FsmEvent> events = new ArrayList<>();
    private int writableCalls;
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void onEvent(BgpConnection connection, FsmEvent event) {
            events.add(event);
        }

        @Override
        public void onWritable(BgpConnection connection) {
            writableCalls++;
        }
    };

    private BgpConnection attach(EmbeddedChannel channel) {
        BgpConnection connection = new BgpConnection(channel, channel.eventLoop(), SessionOptions.BASELINE,
                new AttributeInterner(), listener);
        channel.pipeline().addLast(new BgpFrameDecoder(), connection);
        return connection;
    }

    @Test
    void receivedMessagesBecomeFsmEvents() {
        EmbeddedChannel channel = new EmbeddedChannel();
        attach(channel);
        ByteBuf in = Unpooled.buffer();
        MessageEncoder encoder = new MessageEncoder(SessionOptions.BASELINE);
        encoder.encode(Keepalive.INSTANCE, in);
        encoder.encode(Update.endOfRib(AfiSafi.IPV4_UNICAST), in);
        encoder.encode(new Notification(6, 4), in);
        in.writeBytes(new byte[16]).writeShort(19).writeByte(4);

        channel.writeInbound(in);

        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(FsmEvent.KeepaliveReceived.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(FsmEvent.UpdateReceived.class,
                u -> assertThat(u.update().endOfRibFamily()).contains(AfiSafi.IPV4_UNICAST));
        assertThat(events.get(2)).isEqualTo(new FsmEvent.NotificationReceived(new Notification(6, 4)));
        // A zero marker: 1/1, connection not synchronized (RFC 4271 §6.1).
        assertThat(events.get(3)).isInstanceOfSatisfying(FsmEvent.BgpHeaderErr.class,
                e -> assertThat(e.reset().code() * 10 + e.reset().subcode()).isEqualTo(11));
        channel.finishAndReleaseAll();
    }

    @Test
    void sentMessagesAreEncodedWithTheNegotiatedOptions() {
        EmbeddedChannel channel = new EmbeddedChannel();
        BgpConnection connection = attach(channel);
        connection.send(Keepalive.INSTANCE);
        connection.useOptions(SessionOptions.BASELINE.withFourOctetAs(true), SessionOptions.BASELINE.withFourOctetAs(true));
        connection.sendUpdates(List.of(Update.withdraw(PrefixList.empty(AfiSafi.IPV4_UNICAST)),
                Update.endOfRib(AfiSafi.IPV6_UNICAST)));

        ByteBuf keepalive = channel.readOutbound();
        ByteBuf updates = channel.readOutbound();
        assertThat(keepalive.readableBytes()).isEqualTo(19);
        assertThat(updates.readableBytes()).isEqualTo(23 + 23 + 6);
        keepalive.release();
        updates.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void theEndOfTheConnectionIsReportedOnceUnlessWeClosedIt() {
        EmbeddedChannel peerClosed = new EmbeddedChannel();
        attach(peerClosed);
        peerClosed.close();
        assertThat(events).containsExactly(new FsmEvent.TcpConnectionFails("Connection closed"));

        events.clear();
        EmbeddedChannel weClosed = new EmbeddedChannel();
        BgpConnection connection = attach(weClosed);
        connection.close();
        weClosed.runPendingTasks();
        assertThat(weClosed.isOpen()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void socketErrorsReadAsBirdWordsThem() {
        assertThat(BgpConnection.describe(new IOException("recvAddress(..) failed: Connection reset by peer")))
                .isEqualTo("Connection reset by peer");
        assertThat(BgpConnection.describe(new IOException())).isEqualTo("IOException");
    }
}
