package io.tabby.bird.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.PrefixList;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.bird.wire.attr.AsPathSegment;
import io.tabby.bird.wire.attr.AttributeInterner;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MpReachNlri;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import io.tabby.bird.wire.message.BgpMessage;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Keepalive;
import io.tabby.bird.wire.message.Notification;
import io.tabby.bird.wire.message.Open;
import io.tabby.bird.wire.message.Update;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-assembled messages, laid out field by field from RFC 4271 §4, RFC 4760 and RFC 6793. */
class KnownVectorsTest {
    private static final String MARKER = "ffffffffffffffffffffffffffffffff";
    private static final SessionOptions TWO_OCTET = SessionOptions.BASELINE;
    private static final SessionOptions FOUR_OCTET = SessionOptions.BASELINE.withFourOctetAs(true);

    @Test
    void openWithMultiprotocolRouteRefreshAndFourOctetAs() {
        String hex = MARKER + "002d" + "01"      // length 45, OPEN
                + "04" + "fde8" + "005a" + "0a000001" // version 4, AS 65000, hold 90, id 10.0.0.1
                + "10" + "02" + "0e"                 // 16 octets of parameters: one Capabilities parameter of 14
                + "01" + "04" + "0001" + "00" + "01" // multiprotocol IPv4 unicast
                + "02" + "00"                        // route refresh
                + "41" + "04" + "0000fde8";          // 4-octet AS 65000
        Open open = new Open(4, 65000, 90, 0x0a000001, List.of(
                Capability.MultiProtocol.of(AfiSafi.IPV4_UNICAST),
                new Capability.RouteRefreshSupport(),
                new Capability.FourOctetAs(65000)));
        assertVector(TWO_OCTET, hex, open);
        assertThat(open.peerAs()).isEqualTo(65000);
    }

    @Test
    void ibgpUpdateWithTwoIpv4Prefixes() {
        String hex = MARKER + "0039" + "02" // length 57, UPDATE
                + "0000"                    // no withdrawn routes
                + "0019"                    // 25 octets of attributes
                + "40010100"                // ORIGIN IGP
                + "40020402" + "01fde9"     // AS_PATH: AS_SEQUENCE of 1, AS 65001 (2 octets)
                + "400304" + "0a000001"     // NEXT_HOP 10.0.0.1
                + "400504" + "00000064"     // LOCAL_PREF 100
                + "1a" + "0a010240"         // 10.1.2.64/26
                + "18" + "c0a801";          // 192.168.1.0/24
        Update update = Update.announce(
                AttributeSet.of(Origin.IGP, new AsPath(List.of(AsPathSegment.sequence(65001L))),
                        new NextHop(0x0a000001), new LocalPref(100)),
                PrefixList.of(AfiSafi.IPV4_UNICAST, List.of(Ipv4Prefix.parse("10.1.2.64/26"), Ipv4Prefix.parse("192.168.1.0/24"))));
        assertVector(TWO_OCTET, hex, update);
    }

    @Test
    void ipv6UpdateThroughMpReachOnAFourOctetSession() {
        String nextHop = "20010db8000000000000000000000001";
        String hex = MARKER + "004d" + "02" + "0000" + "0036" // length 77, 54 octets of attributes
                + "800e26" + "0002" + "01" + "10" + nextHop + "00" // MP_REACH: AFI 2, SAFI 1, 16-octet next hop
                + "7a" + "20010db8000000000000000000000040"        // 2001:db8::40/122
                + "40010100"                                        // ORIGIN IGP
                + "400206" + "0201" + "0000fde9";                   // AS_PATH 65001 in 4 octets
        Update update = Update.announce(
                AttributeSet.of(Origin.IGP, new AsPath(List.of(AsPathSegment.sequence(65001L)))),
                new MpReachNlri(Bytes.fromHex(nextHop), PrefixList.of(AfiSafi.IPV6_UNICAST,
                        List.of(new Ipv6Prefix(0x20010db800000000L, 0x40L, 122)))));
        assertVector(FOUR_OCTET, hex, update);
    }

    @Test
    void fourOctetAsnTravelsAsTransPlusAs4PathOnATwoOctetSession() {
        String hex = MARKER + "003c" + "02" + "0000" + "0021" // length 60, 33 octets of attributes
                + "40010100"
                + "400206" + "0202" + "fde9" + "5ba0"                 // AS_PATH 65001, AS_TRANS
                + "400304" + "0a000001"
                + "c0110a" + "0202" + "0000fde9" + "fa56ea00"         // AS4_PATH 65001, 4200000000
                + "18" + "c0a801";
        Update update = Update.announce(
                AttributeSet.of(Origin.IGP, new AsPath(List.of(AsPathSegment.sequence(65001L, 4_200_000_000L))),
                        new NextHop(0x0a000001)),
                PrefixList.of(AfiSafi.IPV4_UNICAST, List.of(Ipv4Prefix.parse("192.168.1.0/24"))));
        assertVector(TWO_OCTET, hex, update);
    }

    @Test
    void keepaliveAndNotification() {
        assertVector(TWO_OCTET, MARKER + "0013" + "04", Keepalive.INSTANCE);
        assertVector(TWO_OCTET, MARKER + "0015" + "03" + "0602", new Notification(6, 2));
    }

    @Test
    void endOfRibMarkersAreRecognised() {
        Update v4 = (Update) decode(TWO_OCTET, MARKER + "0017" + "02" + "00000000");
        Update v6 = (Update) decode(TWO_OCTET, MARKER + "001d" + "02" + "0000" + "0006" + "800f03" + "000201");
        assertThat(v4.endOfRibFamily()).contains(AfiSafi.IPV4_UNICAST);
        assertThat(v6.endOfRibFamily()).contains(AfiSafi.IPV6_UNICAST);
        assertThat(Update.endOfRib(AfiSafi.IPV6_UNICAST)).isEqualTo(v6);
    }

    private static void assertVector(SessionOptions options, String hex, BgpMessage expected) {
        assertThat(decode(options, hex)).isEqualTo(expected);
        ByteBuf out = Unpooled.buffer();
        try {
            new MessageEncoder(options).encode(expected, out);
            assertThat(ByteBufUtil.hexDump(out)).isEqualTo(hex);
        } finally {
            out.release();
        }
    }

    private static BgpMessage decode(SessionOptions options, String hex) {
        ByteBuf in = Unpooled.wrappedBuffer(Bytes.fromHex(hex).toArray());
        try {
            DecodeResult result = new MessageDecoder(options, new AttributeInterner()).decode(in);
            assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
            DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
            assertThat(decoded.discarded()).isEmpty();
            return decoded.message();
        } finally {
            in.release();
        }
    }
}
