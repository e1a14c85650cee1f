package io.tabby.bird.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tabby.bird.wire.codec.MessageEncoder;
import io.tabby.bird.wire.codec.SessionOptions;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import org.junit.jupiter.api.Test;

class BgpFrameDecoderTest {
    private final MessageEncoder encoder = new MessageEncoder(SessionOptions.BASELINE);

    @Test
    void messagesSplitAcrossReadsAndJoinedInOneReadComeOutWhole() {
        ByteBuf stream = Unpooled.buffer();
        encoder.encode(Keepalive.INSTANCE, stream);
        encoder.encode(new Notification(6, 2), stream);
        encoder.encode(Keepalive.INSTANCE, stream);
        int total = stream.readableBytes();
        EmbeddedChannel channel = new EmbeddedChannel(new BgpFrameDecoder());

        channel.writeInbound(stream.readRetainedSlice(7));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(stream.readRetainedSlice(19 + 21 - 7));
        channel.writeInbound(stream.readRetainedSlice(total - 40));

        assertFrame(channel.readInbound(), 19, 4);
        assertFrame(channel.readInbound(), 21, 3);
        assertFrame(channel.readInbound(), 19, 4);
        assertThat((Object) channel.readInbound()).isNull();
        stream.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void aLengthBelowTheHeaderPassesTheHeaderOnAndDropsTheRest() {
        ByteBuf bad = Unpooled.buffer();
        bad.writeBytes(new byte[16]).writeShort(5).writeByte(4).writeBytes(new byte[30]);
        EmbeddedChannel channel = new EmbeddedChannel(new BgpFrameDecoder());

        channel.writeInbound(bad);

        assertFrame(channel.readInbound(), 19, 4);
        assertThat((Object) channel.readInbound()).isNull();
        channel.finishAndReleaseAll();
    }

    @Test
    void anExtendedLengthFrameIsPassedOnForTheCodecToJudge() {
        ByteBuf big = Unpooled.buffer();
        big.writeBytes(new byte[16]).writeShort(5000).writeByte(2).writeBytes(new byte[5000 - 19]);
        EmbeddedChannel channel = new EmbeddedChannel(new BgpFrameDecoder());

        channel.writeInbound(big);

        assertFrame(channel.readInbound(), 5000, 2);
        channel.finishAndReleaseAll();
    }

    private static void assertFrame(ByteBuf frame, int length, int type) {
        try {
            assertThat(frame.readableBytes()).isEqualTo(length);
            assertThat(frame.getUnsignedByte(frame.readerIndex() + 18)).isEqualTo((short) type);
        } finally {
            frame.release();
        }
    }
}
