package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Update;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: every generated valid message decodes to itself after encoding, for each session shape. */
class RoundTripTest {
    private static final int MESSAGES_PER_SHAPE = 3_000;

    static Stream<SessionOptions> shapes() {
        SessionOptions base = SessionOptions.BASELINE;
        return Stream.of(
                base,
                base.withFourOctetAs(true),
                base.withFourOctetAs(true).withExternal(true),
                base.withAddPath(Set.of(AfiSafi.IPV4_UNICAST, AfiSafi.IPV6_UNICAST)),
                base.withFourOctetAs(true).withAddPath(Set.of(AfiSafi.IPV6_UNICAST)).withExtendedMessage(true));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void encodeThenDecodeGivesTheSameMessage(SessionOptions options) {
        RandomMessages messages = new RandomMessages(4271 + options.hashCode(), options);
        MessageEncoder encoder = new MessageEncoder(options);
        MessageDecoder decoder = new MessageDecoder(options, new AttributeInterner());
        ByteBuf buffer = Unpooled.buffer();
        try {
            for (int i = 0; i < MESSAGES_PER_SHAPE; i++) {
                BgpMessage message = messages.next();
                buffer.clear();
                encoder.encode(message, buffer);
                DecodeResult result = decoder.decode(buffer);
                assertThat(result).as("message %d: %s", i, message)
                        .isEqualTo(new DecodeResult.Decoded(message));
                assertThat(buffer.isReadable()).isFalse();
            }
        } finally {
            buffer.release();
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void equalAttributeSetsAreInternedToOneObject(SessionOptions options) {
        RandomMessages messages = new RandomMessages(7606, options);
        AttributeInterner interner = new AttributeInterner();
        MessageEncoder encoder = new MessageEncoder(options);
        MessageDecoder first = new MessageDecoder(options, interner);
        MessageDecoder second = new MessageDecoder(options, interner);
        ByteBuf buffer = Unpooled.buffer();
        try {
            var update = messages.update();
            encoder.encode(update, buffer);
            var a = (DecodeResult.Decoded) first.decode(buffer.duplicate());
            var b = (DecodeResult.Decoded) second.decode(buffer);
            assertThat(((Update) a.message()).attributes())
                    .isSameAs(((Update) b.message()).attributes());
        } finally {
            buffer.release();
        }
    }
}
