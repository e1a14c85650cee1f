package io.tabby.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.testing.RecordingCommandRunner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinuxRouteOpsTest {

    /** {@code ip -N -4 -json route show table all} from a namespace (iproute2 6.1). */
    private static final String ALL_TABLES = """
            [{"dst":"10.9.2.5","gateway":"10.9.0.2","dev":"caliA","table":"100","protocol":"80","flags":[]},
             {"dst":"10.9.0.0/24","dev":"caliA","protocol":"2","scope":"253","prefsrc":"10.9.0.1","flags":[]},
             {"dst":"10.9.1.0/26","dev":"caliA","protocol":"80","scope":"253","flags":["linkdown"]},
             {"type":"6","dst":"10.9.7.0/26","protocol":"12","flags":[]},
             {"dst":"10.9.8.0/26","gateway":"10.9.0.9","dev":"caliA","protocol":"80","flags":["onlink"]},
             {"dst":"default","gateway":"10.9.0.254","dev":"caliA","protocol":"3","flags":[]},
             {"type":"2","dst":"10.9.0.1","dev":"caliA","table":"255","protocol":"2","scope":"254","prefsrc":"10.9.0.1","flags":[]}]
            """;

    private final RecordingCommandRunner runner = new RecordingCommandRunner();
    private final LinuxRouteOps routes = new LinuxRouteOps(runner);
    private final NetNs ns = NetNs.named("n1");

    @Test
    void parsesNumericJsonFillingInWhatIproute2LeavesOut() {
        runner.replyTo(List.of("route", "show"), ALL_TABLES);

        List<Route> all = routes.list(ns, new RouteFilter(IpFamily.V4, RouteTables.ALL, java.util.OptionalInt.empty()));

        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "-json", "-N", "-4", "route", "show", "table", "all");
        assertThat(all).hasSize(7);
        assertThat(all.get(0)).isEqualTo(Route.via("10.9.2.5/32", "10.9.0.2", "caliA", 80).inTable(100));
        assertThat(all.get(2)).isEqualTo(Route.toDevice("10.9.1.0/26", "caliA", 80));
        assertThat(all.get(3)).isEqualTo(Route.blackhole("10.9.7.0/26", RouteProtocols.BIRD));
        assertThat(all.get(4)).isEqualTo(Route.via("10.9.8.0/26", "10.9.0.9", "caliA", 80).withOnlink(true));
        assertThat(all.get(5).destination()).isEqualTo(IpPrefix.parse("0.0.0.0/0"));
        assertThat(all.get(6).type()).isEqualTo(RouteType.LOCAL);
        assertThat(all.get(6).table()).isEqualTo(RouteTables.LOCAL);
        assertThat(all.get(6).scope()).isEqualTo(RouteScope.HOST);
    }

    @Test
    void protocolAndTableOmittedBecauseFilteredOnComeFromTheFilter() {
        runner.replyTo(List.of("route", "show"), """
                [{"dst":"10.9.2.5","gateway":"10.9.0.2","dev":"caliA","flags":[]}]""");

        List<Route> owned = routes.list(ns, RouteFilter.owned(IpFamily.V4, 100, RouteProtocols.FELIX));

        assertThat(runner.last().argv()).endsWith("table", "100", "proto", "80");
        assertThat(owned).containsExactly(Route.via("10.9.2.5/32", "10.9.0.2", "caliA", 80).inTable(100));
    }

    @Test
    void ipv6RoutesKeepTheirMetric() {
        runner.replyTo(List.of("route", "show"), """
                [{"dst":"fd00:1::/64","dev":"a","protocol":"80","metric":1024,"flags":[],"pref":"medium"},
                 {"dst":"default","gateway":"fe80::1","dev":"a","protocol":"3","metric":1024,"flags":[]}]""");

        List<Route> v6 = routes.list(ns, RouteFilter.table(IpFamily.V6, RouteTables.MAIN));

        assertThat(v6.get(0).destination()).isEqualTo(IpPrefix.parse("fd00:1::/64"));
        assertThat(v6.get(0).metric()).isEqualTo(1024);
        assertThat(v6.get(1).destination()).isEqualTo(IpPrefix.parse("::/0"));
        assertThat(v6.get(1).gateway()).contains(IpPrefix.parseAddress("fe80::1"));
    }

    @Test
    void batchLinesCarryTableProtocolAndScope() {
        routes.apply(ns, List.of(
                RouteChange.replace(Route.toDevice("10.65.1.1/32", "cali12345678901", RouteProtocols.BOOT)),
                RouteChange.replace(Route.via("10.65.2.0/26", "10.65.2.0", "vxlan.calico", 80).withOnlink(true)),
                RouteChange.replace(Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD)),
                RouteChange.delete(Route.via("10.65.3.0/26", "198.51.100.2", "eth0", 80).inTable(100).withMetric(5)),
                RouteChange.delete(Route.blackhole("10.65.4.0/26", RouteProtocols.BIRD))));

        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "-force", "-batch", "-");
        assertThat(runner.last().stdin()).contains("""
                route replace 10.65.1.1/32 dev cali12345678901 scope 253 table 254 proto 3
                route replace 10.65.2.0/26 via 10.65.2.0 dev vxlan.calico onlink scope 0 table 254 proto 80
                route replace blackhole 10.65.1.0/26 scope 0 table 254 proto 12
                route del 10.65.3.0/26 table 100 proto 80 metric 5
                route del blackhole 10.65.4.0/26 table 254 proto 12
                """);
    }

    @Test
    void failedBatchLinesMapBackToTheirChanges() {
        runner.reply(c -> c.argv().contains("-batch"), 1, "",
                "Cannot find device \"nosuch\"\nCommand failed -:2\n");
        List<Route> batch = List.of(Route.toDevice("10.0.0.1/32", "a", 80), Route.toDevice("10.0.0.2/32", "nosuch", 80),
                Route.toDevice("10.0.0.3/32", "a", 80));

        assertThatThrownBy(() -> routes.replace(ns, batch))
                .isInstanceOfSatisfying(BatchFailedException.class, e -> {
                    assertThat(e.failedLines()).containsExactly(2);
                    assertThat(e.failedItems(batch)).containsExactly(batch.get(1));
                    assertThat(e).hasMessageContaining("Cannot find device \"nosuch\"");
                });
    }

    @Test
    void anEmptyBatchRunsNothing() {
        routes.apply(ns, List.of());

        assertThat(runner.commands()).isEmpty();
    }

    @Test
    void routeValidation() {
        assertThat(Route.toDevice("10.65.1.7/26", "a", 80).destination()).isEqualTo(IpPrefix.parse("10.65.1.0/26"));
        assertThatThrownBy(() -> Route.via("10.0.0.0/8", "fd00::1", "a", 80)).hasMessageContaining("other IP family");
        assertThatThrownBy(() -> Route.toDevice("10.0.0.0/8", "a", 256)).hasMessageContaining("0..255");
        assertThatThrownBy(() -> new Route(IpPrefix.parse("10.0.0.0/8"), RouteType.UNICAST, RouteTables.MAIN, 80,
                RouteScope.UNIVERSE, Optional.empty(), Optional.empty(), false, 0)).hasMessageContaining("needs a device");
        assertThatThrownBy(() -> Route.toDevice("10.0.0.0/8", "a", 80).inTable(0)).hasMessageContaining("table 0");
    }
}
