package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Message length limits (RFC 4271 §4.1, RFC 8654) and the configuration-dependent OPEN checks. */
class LimitsTest {
    private static final AttributeSet ATTRIBUTES = AttributeSet.of(Origin.IGP, AsPath.EMPTY, new NextHop(1));

    @Test
    void anUpdateOver4096OctetsNeedsExtendedMessages() {
        Update big = Update.announce(ATTRIBUTES, slash32s(1000)); // 23 + 14 + 5000 octets
        ByteBuf out = Unpooled.buffer();
        try {
            out.writeByte(42);
            assertThatThrownBy(() -> new MessageEncoder(SessionOptions.BASELINE).encode(big, out))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the session's maximum of 4096");
            assertThat(out.readableBytes()).isEqualTo(1);
            out.clear();

            SessionOptions extended = SessionOptions.BASELINE.withExtendedMessage(true);
            new MessageEncoder(extended).encode(big, out);
            assertThat(out.readableBytes()).isEqualTo(5037);
            ByteBuf copy = out.copy();
            try {
                assertThat(new MessageDecoder(SessionOptions.BASELINE, new AttributeInterner()).decode(copy))
                        .isInstanceOfSatisfying(DecodeResult.SessionReset.class,
                                r -> assertThat(r.is(BgpError.BAD_MESSAGE_LENGTH)).isTrue());
            } finally {
                copy.release();
            }
            assertThat(new MessageDecoder(extended, new AttributeInterner()).decode(out))
                    .isEqualTo(new DecodeResult.Decoded(big));
        } finally {
            out.release();
        }
    }

    @Test
    void aFull4096OctetMessageHolds810Slash32sWith21OctetsOfAttributes() {
        // bgp-anchors §6.2: (4096 - 23 - 21) / 5 = 810
        Update full = Update.announce(ATTRIBUTES.with(new LocalPref(100)), slash32s(810));
        ByteBuf out = Unpooled.buffer();
        try {
            new MessageEncoder(SessionOptions.BASELINE).encode(full, out);
            assertThat(out.readableBytes()).isEqualTo(4094);
        } finally {
            out.release();
        }
    }

    @Test
    void openChecksCompareThePeerWithTheConfiguration() {
        Open open = Open.of(4_200_000_000L, 90, 0x0a000002, List.of(new Capability.FourOctetAs(4_200_000_000L)));
        assertThat(open.myAs()).isEqualTo(Open.AS_TRANS);
        assertThat(OpenChecks.check(open, 4_200_000_000L, 65000, 0x0a000001)).isEmpty();
        assertThat(OpenChecks.check(open, 65001, 65000, 0x0a000001))
                .hasValueSatisfying(r -> assertThat(r.is(BgpError.BAD_PEER_AS)).isTrue());
        assertThat(OpenChecks.check(open, 4_200_000_000L, 4_200_000_000L, 0x0a000002))
                .hasValueSatisfying(r -> assertThat(r.is(BgpError.BAD_BGP_IDENTIFIER)).isTrue());
        assertThat(OpenChecks.check(open, 4_200_000_000L, 4_200_000_000L, 0x0a000001)).isEqualTo(Optional.empty());
    }

    private static PrefixList slash32s(int count) {
        PrefixList.Builder builder = PrefixList.builder(AfiSafi.IPV4_UNICAST, false);
        for (int i = 0; i < count; i++) {
            builder.addIpv4(0x0a000000 + i, 32, 0);
        }
        return builder.build();
    }
}
