package io.tabby.bird.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.ConfigFiles;
import io.tabby.bird.config.KernelProtocol;
import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.filter.FilterRoute;
import io.tabby.bird.filter.FilterVerdict;
import io.tabby.bird.filter.RouteFilterEngine;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteTables;
import io.tabby.platform.net.RouteType;
import io.tabby.platform.testing.FakeKernel;
import io.tabby.platform.testing.KernelDelta;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KernelTableSyncTest {

    private static final NetNs NS = NetNs.root();
    private static final KernelSettings PERSIST =
            new KernelSettings(NS, IpFamily.V4, RouteTables.MAIN, RouteProtocols.BIRD, true, true);

    private final FakeKernel kernel = new FakeKernel();

    @BeforeEach
    void links() {
        kernel.linkOps().createVeth(NS, "eth0", "eth0p", NS);
        kernel.linkOps().createVeth(NS, "tunl0", "tunl0p", NS);
    }

    private List<Route> routes(int protocol) {
        return kernel.routeOps().list(NS, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, protocol));
    }

    private static IpPrefix p(String text) {
        return IpPrefix.parse(text);
    }

    private static InetAddress ip(String text) {
        return InetAddress.ofLiteral(text);
    }

    @Test
    void installsBlackholesViaAndTunnelRoutesAsProtoBird() {
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), PERSIST);
        sync.install(KernelRoute.blackhole(p("10.65.1.0/26")));
        sync.install(KernelRoute.via(p("10.65.2.0/26"), ip("10.0.0.2"), "eth0"));
        sync.install(KernelRoute.tunnel(p("10.65.3.0/26"), ip("10.0.1.3"), "tunl0"));

        assertThat(routes(RouteProtocols.BIRD)).containsExactlyInAnyOrder(
                Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD),
                Route.via("10.65.2.0/26", "10.0.0.2", "eth0", RouteProtocols.BIRD),
                Route.via("10.65.3.0/26", "10.0.1.3", "tunl0", RouteProtocols.BIRD).withOnlink(true));

        kernel.clearDeltas();
        sync.install(KernelRoute.blackhole(p("10.65.1.0/26")));
        assertThat(kernel.deltas()).as("an unchanged route is not rewritten").isEmpty();
        sync.remove(p("10.65.2.0/26"));
        assertThat(kernel.deltas()).extracting(KernelDelta::operation).containsExactly("route del");
    }

    @Test
    void aKernelFilterThatSetsKrtTunnelGivesAnOnlinkTunnelRoute() throws Exception {
        BirdConfig config = new BirdConfigParser(path -> """
                router id 10.0.0.1;
                filter calico_ipip {
                  if ( net ~ 192.168.0.0/16 ) then { krt_tunnel = "tunl0"; accept; }
                  accept;
                }
                protocol kernel { learn; persist; import all; export filter calico_ipip; }
                """, RouterFamily.IPV4).parse(Path.of("/t/bird.cfg"));
        KernelProtocol protocol = (KernelProtocol) config.protocol("kernel1").orElseThrow();
        RouteFilterEngine filters = new RouteFilterEngine(config);
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), KernelSettings.of(protocol, NS, IpFamily.V4));

        for (String prefix : List.of("192.168.7.0/26", "172.20.0.0/26")) {
            FilterRoute bgp = FilterRoute.of(new NetPrefix(ip(prefix.substring(0, prefix.indexOf('/'))), 26), "Mesh_10_0_1_3")
                    .withBgpNextHop(ip("10.0.1.3"));
            FilterVerdict verdict = filters.run(protocol.exportPolicy(), bgp);
            FilterRoute accepted = ((FilterVerdict.Accepted) verdict).route();
            sync.install(KernelRoute.via(p(prefix), ip("10.0.1.3")).withTunnel(accepted.krtTunnel()));
        }

        assertThat(routes(RouteProtocols.BIRD)).containsExactlyInAnyOrder(
                Route.via("192.168.7.0/26", "10.0.1.3", "tunl0", RouteProtocols.BIRD).withOnlink(true),
                new Route(p("172.20.0.0/26"), RouteType.UNICAST, RouteTables.MAIN, RouteProtocols.BIRD,
                        io.tabby.platform.net.RouteScope.UNIVERSE, java.util.Optional.empty(),
                        java.util.Optional.of(ip("10.0.1.3")), false, 0));
    }

    @Test
    void staleRoutesFromBeforeTheStartStayUntilSynced() {
        kernel.routeOps().replace(NS, List.of(Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD),
                Route.via("10.65.9.0/26", "10.0.0.9", "eth0", RouteProtocols.BIRD)));
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), PERSIST);
        kernel.clearDeltas();

        sync.install(KernelRoute.blackhole(p("10.65.1.0/26")));
        sync.scan();
        assertThat(kernel.deltas()).as("re-announcing an adopted route changes nothing").isEmpty();
        assertThat(routes(RouteProtocols.BIRD)).hasSize(2);

        sync.synced();
        assertThat(routes(RouteProtocols.BIRD)).containsExactly(Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD));
    }

    @Test
    void learnsAlienRoutesAndNeverTouchesThem() {
        kernel.routeOps().replace(NS, List.of(Route.toDevice("10.65.1.5/32", "eth0", RouteProtocols.BOOT),
                Route.via("10.65.4.0/26", "10.0.0.4", "eth0", RouteProtocols.STATIC),
                Route.toDevice("10.0.0.0/24", "eth0", RouteProtocols.KERNEL)));
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), PERSIST);

        assertThat(sync.scan()).containsExactlyInAnyOrder(
                KernelRoute.device(p("10.65.1.5/32"), "eth0"),
                KernelRoute.via(p("10.65.4.0/26"), ip("10.0.0.4"), "eth0"));

        sync.install(KernelRoute.blackhole(p("10.65.4.0/26")));
        assertThat(sync.heldBack()).containsExactly(p("10.65.4.0/26"));
        sync.synced();
        sync.scan();
        sync.shutdown();
        assertThat(routes(RouteProtocols.STATIC)).containsExactly(Route.via("10.65.4.0/26", "10.0.0.4", "eth0", RouteProtocols.STATIC));
        assertThat(routes(RouteProtocols.BOOT)).hasSize(1);
        assertThat(routes(RouteProtocols.BIRD)).isEmpty();

        KernelTableSync noLearn = new KernelTableSync(kernel.routeOps(),
                new KernelSettings(NS, IpFamily.V4, RouteTables.MAIN, RouteProtocols.BIRD, false, true));
        assertThat(noLearn.scan()).isEmpty();
    }

    @Test
    void scanPutsBackARouteDeletedBehindOurBack() {
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), PERSIST);
        sync.install(KernelRoute.blackhole(p("10.65.1.0/26")));
        kernel.routeOps().delete(NS, List.of(Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD)));
        sync.scan();
        assertThat(routes(RouteProtocols.BIRD)).containsExactly(Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD));
    }

    @Test
    void persistLeavesRoutesAtShutdownOtherwiseTheyGo() {
        KernelTableSync persist = new KernelTableSync(kernel.routeOps(), PERSIST);
        persist.install(KernelRoute.blackhole(p("10.65.1.0/26")));
        persist.shutdown();
        assertThat(routes(RouteProtocols.BIRD)).hasSize(1);

        KernelTableSync plain = new KernelTableSync(kernel.routeOps(),
                new KernelSettings(NS, IpFamily.V4, RouteTables.MAIN, RouteProtocols.BIRD, false, false));
        plain.install(KernelRoute.blackhole(p("10.65.1.0/26")));
        plain.shutdown();
        assertThat(routes(RouteProtocols.BIRD)).isEmpty();
    }

    @Test
    void aRefusedRouteIsHeldAndRetriedOnTheNextScan() {
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), PERSIST);
        sync.apply(List.of(new KernelExport.KernelChange.Install(KernelRoute.via(p("10.65.5.0/26"), ip("10.0.0.5"), "eth9")),
                new KernelExport.KernelChange.Install(KernelRoute.blackhole(p("10.65.1.0/26")))));
        assertThat(sync.heldBack()).containsExactly(p("10.65.5.0/26"));
        assertThat(routes(RouteProtocols.BIRD)).containsExactly(Route.blackhole("10.65.1.0/26", RouteProtocols.BIRD));

        kernel.linkOps().createVeth(NS, "eth9", "eth9p", NS);
        sync.scan();
        assertThat(sync.heldBack()).isEmpty();
        assertThat(routes(RouteProtocols.BIRD)).hasSize(2);
    }

    @Test
    void theStaticBlackholesOfARenderedConfigGoToTheKernel() throws Exception {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve(
                "../confd/src/test/resources/birdtemplates/ipip-vxlan-pools/node1/bird.cfg").normalize();
        BirdConfig config = new BirdConfigParser(ConfigFiles.FILE_SYSTEM, RouterFamily.IPV4).parse(root);
        StaticProtocol statics = (StaticProtocol) config.protocol("static1").orElseThrow();
        List<OriginRoute> origin = StaticRoutes.of(statics);
        assertThat(origin).extracting(OriginRoute::preference).containsOnly(OriginRoute.STATIC_PREFERENCE);

        RouteFilterEngine filters = new RouteFilterEngine(config);
        KernelProtocol protocol = (KernelProtocol) config.protocol("kernel1").orElseThrow();
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(), KernelSettings.of(protocol, NS, IpFamily.V4));
        for (OriginRoute route : origin) {
            if (filters.run(protocol.exportPolicy(), route.filterView()).accepted()) {
                sync.install(route.route());
            }
        }
        // calico_kernel_programming rejects the VXLAN and IPIP pools (the node agent programs those),
        // and each of node1's three blocks lies in one of them.
        assertThat(routes(RouteProtocols.BIRD)).isEmpty();

        for (OriginRoute route : origin) { // with an export-all kernel protocol they would all go in
            sync.install(route.route());
        }
        assertThat(routes(RouteProtocols.BIRD)).extracting(Route::type).containsOnly(RouteType.BLACKHOLE).hasSize(3);
    }

    @Test
    void anIpv6AlienRouteAtTheDefaultMetricIsNotOverwritten() {
        kernel.routeOps().replace(NS, List.of(Route.via("fd00:65::/122", "fd00::2", "eth0", RouteProtocols.BOOT)));
        KernelTableSync sync = new KernelTableSync(kernel.routeOps(),
                new KernelSettings(NS, IpFamily.V6, RouteTables.MAIN, RouteProtocols.BIRD, true, true));
        sync.install(KernelRoute.blackhole(p("fd00:65::/122")));
        assertThat(sync.heldBack()).containsExactly(p("fd00:65::/122"));
        assertThat(kernel.routeOps().list(NS, RouteFilter.table(IpFamily.V6, RouteTables.MAIN)))
                .extracting(Route::protocol).containsExactly(RouteProtocols.BOOT);
    }
}
