package io.tabby.bird.filter;

import static io.tabby.bird.filter.Goldens.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.FilterExpr;
import io.tabby.bird.config.RoutePolicy;
import io.tabby.bird.config.RouterFamily;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** BIRD 1.6 filter semantics on small hand-written configurations. */
class FilterSemanticsTest {

    private static RouteFilterEngine engine(String text) throws Exception {
        BirdConfig config = new BirdConfigParser(path -> "router id 10.0.0.1;\n" + text, RouterFamily.IPV4)
                .parse(Path.of("/test/bird.cfg"));
        return new RouteFilterEngine(config);
    }

    @Test
    void prefixSetsHonourLengthRanges() throws Exception {
        RouteFilterEngine e = engine("filter f { if net ~ [ 10.0.0.0/8+, 192.168.0.0/16{24,26}, 172.16.0.0/12 ] then accept; reject; }");
        assertThat(e.runFilter("f", route("10.1.2.0/24", "p")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("10.0.0.0/8", "p")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("192.168.3.0/24", "p")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("192.168.3.0/27", "p")).accepted()).isFalse();
        assertThat(e.runFilter("f", route("172.16.0.0/12", "p")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("172.16.0.0/16", "p")).accepted()).as("exact length only").isFalse();
    }

    @Test
    void krtTunnelAndOtherAssignmentsCarryIntoTheAcceptedRoute() throws Exception {
        RouteFilterEngine e = engine("""
                filter calico_ipip {
                  if ( net ~ 192.168.0.0/16 ) then { krt_tunnel = "tunl0"; bgp_local_pref = 200; accept; }
                  accept;
                }""");
        FilterVerdict verdict = e.runFilter("calico_ipip", route("192.168.1.0/26", "Mesh_10_0_0_2"));
        assertThat(verdict).isInstanceOfSatisfying(FilterVerdict.Accepted.class, a -> {
            assertThat(a.route().krtTunnel()).contains("tunl0");
            assertThat(a.route().attribute("bgp_local_pref")).contains(new FilterValue.Num(200));
        });
        FilterVerdict outside = e.runFilter("calico_ipip", route("8.8.8.0/24", "Mesh_10_0_0_2"));
        assertThat(outside).isInstanceOfSatisfying(FilterVerdict.Accepted.class,
                a -> assertThat(a.route().krtTunnel()).isEmpty());
    }

    @Test
    void emptyKrtTunnelMeansNoTunnel() throws Exception {
        RouteFilterEngine e = engine("filter f { krt_tunnel = \"\"; accept; }");
        assertThat(((FilterVerdict.Accepted) e.runFilter("f", route("1.2.3.0/24", "p"))).route().krtTunnel()).isEmpty();
    }

    @Test
    void acceptInsideAFunctionEndsTheFilterAndFallingOffAFunctionReturns() throws Exception {
        RouteFilterEngine e = engine("""
                function mine() { if net = 10.0.0.0/26 then accept; if net ~ 10.0.0.0/26 then reject; }
                filter f { mine(); if net ~ 10.0.0.0/8 then accept; reject "outside"; }""");
        assertThat(e.runFilter("f", route("10.0.0.0/26", "p")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("10.0.0.1/32", "p")).accepted()).isFalse();
        assertThat(e.runFilter("f", route("10.9.0.0/24", "p")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("11.0.0.0/24", "p")))
                .isEqualTo(new FilterVerdict.Rejected("outside", false));
    }

    @Test
    void functionsReturnValuesIntoExpressions() throws Exception {
        RouteFilterEngine e = engine("""
                function is_pool() { return net ~ 10.0.0.0/8; }
                filter f { if is_pool() && ( proto = "static1" ) then accept; reject; }""");
        assertThat(e.runFilter("f", route("10.1.0.0/24", "static1")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("10.1.0.0/24", "kernel1")).accepted()).isFalse();
    }

    @Test
    void runtimeErrorsRejectAndSayWhy() throws Exception {
        RouteFilterEngine e = engine("""
                filter undefined { if bgp_next_hop ~ 10.0.0.0/24 then accept; reject; }
                filter undecided { if net ~ 10.0.0.0/8 then accept; }
                filter mismatch { if net = 5 then accept; reject; }""");
        assertThat(e.runFilter("undefined", route("1.0.0.0/24", "p")))
                .isInstanceOfSatisfying(FilterVerdict.Rejected.class, r -> {
                    assertThat(r.error()).isTrue();
                    assertThat(r.reason()).contains("bgp_next_hop", "not defined");
                });
        assertThat(e.runFilter("undecided", route("1.0.0.0/24", "p")))
                .isInstanceOfSatisfying(FilterVerdict.Rejected.class, r -> assertThat(r.reason()).contains("did not return"));
        assertThat(e.runFilter("mismatch", route("1.0.0.0/24", "p")))
                .isInstanceOfSatisfying(FilterVerdict.Rejected.class, r -> assertThat(r.reason()).contains("prefix and int"));
        assertThat(e.runFilter("nonesuch", route("1.0.0.0/24", "p")).accepted()).isFalse();
    }

    @Test
    void policiesAllNoneAndWhere() throws Exception {
        RouteFilterEngine e = engine("");
        FilterRoute r = route("10.0.0.0/24", "p").withBgpNextHop(InetAddress.ofLiteral("10.1.0.1"));
        assertThat(e.run(new RoutePolicy.All(), r)).isEqualTo(new FilterVerdict.Accepted(r));
        assertThat(e.run(new RoutePolicy.None(), r).accepted()).isFalse();
        FilterExpr inTen = new FilterExpr.Binary(FilterExpr.Operator.MATCH, new FilterExpr.Attribute("bgp_next_hop"),
                new FilterExpr.PrefixLiteral(Goldens.prefix("10.1.0.0/16")));
        assertThat(e.run(new RoutePolicy.Where(inTen), r).accepted()).isTrue();
        assertThat(e.run(new RoutePolicy.Where(new FilterExpr.Not(inTen)), r).accepted()).isFalse();
    }

    @Test
    void stringMatchesUseShellPatterns() throws Exception {
        RouteFilterEngine e = engine("filter f { if proto ~ \"Mesh_*\" then accept; reject; }");
        assertThat(e.runFilter("f", route("1.0.0.0/24", "Mesh_10_0_0_2")).accepted()).isTrue();
        assertThat(e.runFilter("f", route("1.0.0.0/24", "kernel1")).accepted()).isFalse();
    }
}
