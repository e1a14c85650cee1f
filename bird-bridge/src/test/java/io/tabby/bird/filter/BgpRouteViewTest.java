package io.tabby.bird.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.KernelProtocol;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class BgpRouteViewTest {

    private static int ipv4(String text) {
        byte[] b = InetAddress.ofLiteral(text).getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    @Test
    void ipv4RouteCarriesItsNextHopIntoTheCrossSubnetTest() {
        AttributeSet attributes = AttributeSet.of(Origin.IGP, new NextHop(ipv4("10.0.0.7")), new LocalPref(100));
        FilterRoute route = BgpRouteView.of(Ipv4Prefix.parse("192.168.64.64/26"), "Mesh_10_0_0_7", attributes, Bytes.EMPTY,
                InetAddress.ofLiteral("10.0.0.7"));

        assertThat(route.net()).isEqualTo(Goldens.prefix("192.168.64.64/26"));
        assertThat(route.attribute("bgp_next_hop")).contains(FilterValue.of(InetAddress.ofLiteral("10.0.0.7")));
        assertThat(route.attribute("bgp_local_pref")).contains(FilterValue.of(100));
        assertThat(route.attribute("bgp_origin")).contains(FilterValue.of(0));

        BirdConfig pools = Goldens.parse("ipip-vxlan-pools/node1/bird.cfg");
        KernelProtocol kernel = (KernelProtocol) pools.protocol("kernel1").orElseThrow();
        assertThat(new RouteFilterEngine(pools).run(kernel.exportPolicy(), route).accepted())
                .as("same-subnet next hop in the cross-subnet IPIP pool goes to the kernel").isTrue();
    }

    @Test
    void ipv6RouteTakesTheGlobalMpNextHop() {
        byte[] nextHop = new byte[32];
        System.arraycopy(InetAddress.ofLiteral("fd00:10::2").getAddress(), 0, nextHop, 0, 16);
        System.arraycopy(InetAddress.ofLiteral("fe80::2").getAddress(), 0, nextHop, 16, 16);
        FilterRoute route = BgpRouteView.of(new Ipv6Prefix(0xfd80_24e2_f998_72d6L, 0x0001_0000_0000_0000L, 122), "Mesh_x",
                AttributeSet.of(Origin.IGP), Bytes.of(nextHop), InetAddress.ofLiteral("fd00:10::2"));
        assertThat(route.net()).isEqualTo(Goldens.prefix("fd80:24e2:f998:72d6:1::/122"));
        assertThat(route.attribute("bgp_next_hop")).contains(FilterValue.of(InetAddress.ofLiteral("fd00:10::2")));
    }
}
