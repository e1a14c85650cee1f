package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.tabby.bird.session.FsmEvent;
import io.tabby.bird.transport.BgpConnection;
import io.tabby.bird.transport.ConnectionListener;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.codec.SessionOptions;
import org.junit.jupiter.api.Test;

class InboundGateTest {

    @Test
    void readingPausesAtTheHighMarkAndResumesAtTheLowMark() {
        EmbeddedChannel channel = new EmbeddedChannel();
        BgpConnection connection = new BgpConnection(channel, channel.eventLoop(), SessionOptions.BASELINE,
                new AttributeInterner(), new ConnectionListener() {
                    @Override
                    public void onEvent(BgpConnection c, FsmEvent event) {
                    }

                    @Override
                    public void onWritable(BgpConnection c) {
                    }
                });
        InboundGate gate = new InboundGate(connection);

        for (int i = 0; i < InboundGate.HIGH - 1; i++) {
            gate.queued();
        }
        assertThat(channel.config().isAutoRead()).isTrue();
        gate.queued();
        assertThat(channel.config().isAutoRead()).isFalse();

        for (int i = 0; i < InboundGate.HIGH - InboundGate.LOW - 1; i++) {
            gate.applied();
        }
        assertThat(channel.config().isAutoRead()).isFalse();
        gate.applied();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }
}
