package io.tabby.bird.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.FilterExpr.Binary;
import io.tabby.bird.config.FilterExpr.Operator;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The options and filter constructs the goldens do not use, from a checked-in configuration. */
class FullConfigTest {

    private static final Path FULL = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/birdconf/full/bird.cfg");

    private final BirdConfig config = parse();

    @Test
    void globalStatements() throws Exception {
        assertThat(config.routerId()).contains((java.net.Inet4Address) InetAddress.getByName("192.0.2.1"));
        assertThat(config.listen()).isEqualTo(new ListenBgp(Optional.of(InetAddress.getByName("192.0.2.1")), 1179));
        assertThat(config.logs()).extracting(LogTarget::destination)
                .containsExactly("syslog", "stderr", "/var/log/bird.log");
        assertThat(config.logs().get(1).classes()).containsExactlyInAnyOrder("warning", "error");
        assertThat(config.debugProtocols()).containsExactlyInAnyOrder("states", "routes");
        assertThat(config.protocols()).extracting(BirdProtocol::name)
                .containsExactly("k4", "device1", "blocks", "tor");
    }

    @Test
    void kernelAndStaticOptions() throws Exception {
        KernelProtocol kernel = (KernelProtocol) config.protocol("k4").orElseThrow();
        assertThat(kernel.learn()).isFalse();
        assertThat(kernel.deviceRoutes()).isTrue();
        assertThat(kernel.mergePaths()).isTrue();
        assertThat(kernel.kernelTable()).isEqualTo(OptionalLong.of(100));
        assertThat(kernel.importPolicy()).isEqualTo(new RoutePolicy.None());
        assertThat(kernel.exportPolicy()).isEqualTo(new RoutePolicy.Where(new Binary(Operator.MATCH,
                new FilterExpr.Attribute("net"), new FilterExpr.PrefixSet(List.of(
                        new PrefixPattern(prefix("10.0.0.0", 8), 8, 32))))));

        StaticProtocol blocks = (StaticProtocol) config.protocol("blocks").orElseThrow();
        assertThat(blocks.debug()).containsExactlyInAnyOrderElementsOf(OptionReader.DEBUG_CLASSES);
        assertThat(blocks.routes()).extracting(StaticRoute::kind).containsExactly(StaticRoute.Kind.BLACKHOLE,
                StaticRoute.Kind.VIA, StaticRoute.Kind.UNREACHABLE, StaticRoute.Kind.PROHIBIT);
        assertThat(blocks.routes().get(1).gateway()).contains(InetAddress.getByName("192.0.2.254"));
    }

    @Test
    void bgpOptionsFromTemplateAndProtocol() throws Exception {
        BgpProtocol tor = (BgpProtocol) config.protocol("tor").orElseThrow();
        assertThat(tor.localAddress()).contains(InetAddress.getByName("192.0.2.1"));
        assertThat(tor.localAs()).isEqualTo(4200000000L);
        assertThat(tor.multihop()).isEqualTo(OptionalInt.of(2));
        assertThat(tor.gatewayRecursive()).isTrue();
        assertThat(tor.holdTimeSeconds()).isEqualTo(90);
        assertThat(tor.keepaliveTimeSeconds()).isEqualTo(OptionalInt.of(30));
        assertThat(tor.gracefulRestart()).isEqualTo(BgpProtocol.GracefulRestart.AWARE);
        assertThat(tor.gracefulRestartTimeSeconds()).isEqualTo(300);
        assertThat(tor.addPaths()).isEqualTo(BgpProtocol.AddPaths.RX);
        assertThat(tor.nextHop()).isEqualTo(BgpProtocol.NextHop.KEEP);
        assertThat(tor.debug()).isEmpty();
        assertThat(tor.rrClient()).isTrue();
        assertThat(tor.rrClusterId()).contains((java.net.Inet4Address) InetAddress.getByName("1.1.1.1"));
        assertThat(tor.passive()).isFalse();
        assertThat(tor.connectRetrySeconds()).isEqualTo(120);
        assertThat(tor.neighborPort()).isEqualTo(179);
        assertThat(tor.importPolicy()).isEqualTo(new RoutePolicy.Named("from_peers"));
    }

    @Test
    void filterBodiesBecomeAnAst() throws Exception {
        FilterDefinition isPool = config.functions().get("is_pool");
        assertThat(isPool.body()).containsExactly(new FilterStatement.Return(Optional.of(new Binary(Operator.MATCH,
                new FilterExpr.Attribute("net"), new FilterExpr.PrefixSet(List.of(
                        new PrefixPattern(prefix("10.0.0.0", 8), 16, 26),
                        new PrefixPattern(prefix("172.16.0.0", 12), 0, 12)))))));

        List<FilterStatement> fromPeers = config.filters().get("from_peers").body();
        assertThat(fromPeers).hasSize(3);
        // BIRD 1.6 gives ! the tightest binding and all binary operators one left-associative level.
        assertThat(fromPeers.get(0)).isEqualTo(new FilterStatement.If(
                new Binary(Operator.EQ,
                        new Binary(Operator.OR, new FilterExpr.Not(new FilterExpr.Defined("bgp_next_hop")),
                                new FilterExpr.Attribute("net")),
                        new FilterExpr.PrefixLiteral(prefix("0.0.0.0", 0))),
                List.of(new FilterStatement.Reject(Optional.of("no default"))), List.of()));
        FilterStatement.If second = (FilterStatement.If) fromPeers.get(1);
        assertThat(second.condition()).isEqualTo(new FilterExpr.Call("is_pool"));
        assertThat(second.then()).containsExactly(
                new FilterStatement.Assign("bgp_local_pref", new FilterExpr.NumberLiteral(200)),
                new FilterStatement.Assign("bgp_med", new FilterExpr.NumberLiteral(5)),
                new FilterStatement.Accept(Optional.empty()));
        assertThat(second.otherwise()).hasSize(1);
        assertThat(fromPeers.get(2)).isEqualTo(new FilterStatement.Accept(Optional.of("fine")));

        assertThat(config.filters().get("to_peers").body()).contains(new FilterStatement.CallFunction("is_pool"));
    }

    @Test
    void goldenIpipCrossSubnetFilter() throws Exception {
        BirdConfig ipip = new BirdConfigParser(ConfigFiles.FILE_SYSTEM, RouterFamily.IPV4)
                .parse(GoldenConfigs.ROOT.resolve("ipip-vxlan-pools/node1/bird.cfg"));
        FilterStatement.If crossSubnet = ipip.filters().get("calico_kernel_programming").body().stream()
                .map(FilterStatement.If.class::cast)
                .filter(s -> s.then().size() == 2)
                .findFirst().orElseThrow();
        assertThat(crossSubnet.then().getFirst()).isEqualTo(new FilterStatement.If(
                new Binary(Operator.AND, new FilterExpr.Defined("bgp_next_hop"), new Binary(Operator.MATCH,
                        new FilterExpr.Attribute("bgp_next_hop"), new FilterExpr.PrefixLiteral(prefix("10.0.0.0", 24)))),
                List.of(new FilterStatement.Accept(Optional.empty())), List.of()));
        assertThat(crossSubnet.then().get(1)).isEqualTo(new FilterStatement.Reject(Optional.empty()));
    }

    private static NetPrefix prefix(String address, int length) throws Exception {
        return new NetPrefix(InetAddress.getByName(address), length);
    }

    private static BirdConfig parse() {
        try {
            return new BirdConfigParser(ConfigFiles.FILE_SYSTEM, RouterFamily.IPV4).parse(FULL);
        } catch (BirdConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
