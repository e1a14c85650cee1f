package io.tabby.bird.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GoldenConfigsTest {

    @Test
    void everyRenderedConfigurationParsesAndEveryCfgFileIsRead() throws Exception {
        List<Path> roots = GoldenConfigs.roots();
        assertThat(roots).hasSizeGreaterThanOrEqualTo(20);
        Set<Path> read = new HashSet<>();
        ConfigFiles recording = path -> {
            read.add(path.toAbsolutePath().normalize());
            return Files.readString(path);
        };
        for (Path root : roots) {
            BirdConfig config = new BirdConfigParser(recording, GoldenConfigs.familyOf(root)).parse(root);
            assertThat(config.routerId()).as(root.toString()).isPresent();
            assertThat(config.filters()).as(root.toString())
                    .containsKeys("calico_export_to_bgp_peers", "calico_kernel_programming");
            assertThat(config.protocol("kernel1")).as(root.toString()).containsInstanceOf(KernelProtocol.class);
        }
        Set<Path> all = new HashSet<>();
        GoldenConfigs.allCfgFiles().forEach(p -> all.add(p.toAbsolutePath().normalize()));
        assertThat(read).isEqualTo(all);
    }

    @Test
    void routeReflectorClientHasOneGlobalPeerWithTheTemplateApplied() throws Exception {
        BirdConfig config = parse("route-reflector/c1/bird.cfg");

        assertThat(config.routerId()).contains((java.net.Inet4Address) InetAddress.getByName("10.0.0.2"));
        assertThat(config.listen()).isEqualTo(ListenBgp.DEFAULT);
        assertThat(config.bgpProtocols()).hasSize(1);
        BgpProtocol peer = config.bgpProtocols().getFirst();
        assertThat(peer.name()).isEqualTo("Global_10_0_0_1");
        assertThat(peer.template()).contains("bgp_template");
        assertThat(peer.neighbor()).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(peer.neighborAs()).isEqualTo(64512);
        assertThat(peer.localAs()).isEqualTo(64512);
        assertThat(peer.internal()).isTrue();
        assertThat(peer.sourceAddress()).contains(InetAddress.getByName("10.0.0.2"));
        assertThat(peer.multihop()).hasValue(0);
        assertThat(peer.gatewayRecursive()).isTrue();
        assertThat(peer.importPolicy()).isEqualTo(new RoutePolicy.All());
        assertThat(peer.exportPolicy()).isEqualTo(new RoutePolicy.Named("calico_export_to_bgp_peers"));
        assertThat(peer.addPaths()).isEqualTo(BgpProtocol.AddPaths.ON);
        assertThat(peer.gracefulRestart()).isEqualTo(BgpProtocol.GracefulRestart.ON);
        assertThat(peer.connectDelaySeconds()).isEqualTo(2);
        assertThat(peer.connectRetrySeconds()).isEqualTo(5);
        assertThat(peer.errorWaitMinSeconds()).isEqualTo(5);
        assertThat(peer.errorWaitMaxSeconds()).isEqualTo(30);
        assertThat(peer.holdTimeSeconds()).isEqualTo(240);
        assertThat(peer.description()).contains("Connection to BGP peer");
        assertThat(peer.debug()).containsExactly("states");

        KernelProtocol kernel = (KernelProtocol) config.protocol("kernel1").orElseThrow();
        assertThat(kernel.learn()).isTrue();
        assertThat(kernel.persist()).isTrue();
        assertThat(kernel.scanTimeSeconds()).isEqualTo(2);
        assertThat(kernel.exportPolicy()).isEqualTo(new RoutePolicy.Named("calico_kernel_programming"));

        DirectProtocol direct = (DirectProtocol) config.protocol("direct1").orElseThrow();
        assertThat(direct.interfaces()).containsExactly(new InterfacePattern(true, "cali*"),
                new InterfacePattern(true, "kube-ipvs*"), new InterfacePattern(false, "*"));

        StaticProtocol blocks = (StaticProtocol) config.protocol("static1").orElseThrow();
        assertThat(blocks.routes()).containsExactly(new StaticRoute(
                new NetPrefix(InetAddress.getByName("192.168.2.0"), 26), StaticRoute.Kind.BLACKHOLE, Optional.empty()));
        assertThat(config.functions()).containsOnlyKeys("calico_aggr", "custom_filters");
    }

    @Test
    void routeReflectorHasClientsAndAClusterId() throws Exception {
        BirdConfig config = parse("route-reflector/rr1/bird.cfg");

        List<BgpProtocol> clients = config.bgpProtocols().stream().filter(BgpProtocol::rrClient).toList();
        assertThat(clients).isNotEmpty();
        assertThat(clients).allSatisfy(c -> assertThat(c.rrClusterId()).isPresent());
    }

    @Test
    void nodePeersCarryPortAndNextHopSelf() throws Exception {
        BirdConfig config = parse("node-peers/node1/bird.cfg");

        BgpProtocol peer = (BgpProtocol) config.protocol("Node_10_0_0_253_port_1790").orElseThrow();
        assertThat(peer.neighborPort()).isEqualTo(1790);
        assertThat(peer.neighborAs()).isEqualTo(65100);
        assertThat(peer.internal()).isFalse();
        assertThat(peer.nextHop()).isEqualTo(BgpProtocol.NextHop.SELF);
    }

    @Test
    void ipv6MeshAndGlobalPeers() throws Exception {
        BirdConfig config = parse("ipv6/node1/bird6.cfg");

        BgpProtocol mesh = (BgpProtocol) config.protocol("Mesh_fd00_10__2").orElseThrow();
        assertThat(mesh.neighbor()).isEqualTo(InetAddress.getByName("fd00:10::2"));
        assertThat(mesh.passive()).isTrue();
        BgpProtocol global = (BgpProtocol) config.protocol("Global_2001_db8__1").orElseThrow();
        assertThat(global.password()).contains("v6pass");
        assertThat(global.neighborAs()).isEqualTo(65002);
    }

    private static BirdConfig parse(String relative) throws BirdConfigException {
        Path root = GoldenConfigs.ROOT.resolve(relative);
        return new BirdConfigParser(ConfigFiles.FILE_SYSTEM, GoldenConfigs.familyOf(root)).parse(root);
    }
}
