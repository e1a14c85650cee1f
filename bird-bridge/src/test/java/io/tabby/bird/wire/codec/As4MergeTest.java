package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.attr.Aggregator;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeType;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6793 §4.2.3: rebuilding 4-octet AS_PATH and AGGREGATOR on a 2-octet session. */
class As4MergeTest {
    private static final String ORIGIN = "40010100";
    private static final String NEXT_HOP = "4003040a000001";
    private static final String NLRI = "18c0a801";

    @Test
    void asesPrependedByAnOldSpeakerStayInFrontOfAs4Path() {
        // AS_PATH 65002 65001 AS_TRANS; AS4_PATH 65001 4200000000
        DecodeResult.Decoded decoded = decode(ORIGIN + "400208" + "0203fdeafde95ba0" + NEXT_HOP
                + "c0110a" + "02020000fde9fa56ea00");
        assertThat(asPath(decoded)).isEqualTo(new AsPath(List.of(
                AsPathSegment.sequence(65002L), AsPathSegment.sequence(65001L, 4_200_000_000L))));
        assertThat(decoded.discarded()).isEmpty();
    }

    @Test
    void transAggregatorTakesTheAs4Aggregator() {
        DecodeResult.Decoded decoded = decode(ORIGIN + "40020402015ba0" + NEXT_HOP
                + "c007065ba00a000002"
                + "c01208fa56ea000a000002");
        Update update = (Update) decoded.message();
        assertThat(update.attributes().get(Aggregator.class)).contains(new Aggregator(4_200_000_000L, 0x0a000002));
    }

    @Test
    void aRealTwoOctetAggregatorMakesBothAs4AttributesStale() {
        DecodeResult.Decoded decoded = decode(ORIGIN + "40020402015ba0" + NEXT_HOP
                + "c00706fde90a000002" + "c01106" + "0201fa56ea00" + "c01208fa56ea000a000002");
        Update update = (Update) decoded.message();
        assertThat(update.attributes().get(Aggregator.class)).contains(new Aggregator(65001, 0x0a000002));
        assertThat(asPath(decoded)).isEqualTo(new AsPath(List.of(AsPathSegment.sequence(23456L))));
        assertThat(decoded.discarded()).extracting(AttributeDiscard::typeCode)
                .containsExactly(AttributeType.AS4_AGGREGATOR, AttributeType.AS4_PATH);
    }

    private static AsPath asPath(DecodeResult.Decoded decoded) {
        return ((Update) decoded.message()).attributes().get(AsPath.class).orElseThrow();
    }

    private static DecodeResult.Decoded decode(String attributes) {
        String body = "0000" + String.format("%04x", attributes.length() / 2) + attributes + NLRI;
        String hex = "ff".repeat(16) + String.format("%04x", 19 + body.length() / 2) + "02" + body;
        ByteBuf in = Unpooled.wrappedBuffer(Bytes.fromHex(hex).toArray());
        try {
            DecodeResult result = new MessageDecoder(SessionOptions.BASELINE, new AttributeInterner()).decode(in);
            assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
            return (DecodeResult.Decoded) result;
        } finally {
            in.release();
        }
    }
}
