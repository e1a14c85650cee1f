package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.KernelProtocol;
import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.filter.FilterRoute;
import io.tabby.bird.filter.RouteFilterEngine;
import io.tabby.bird.kernel.KernelRoute;
import io.tabby.bird.kernel.OriginRoute;
import io.tabby.platform.net.IpPrefix;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel protocol's choice per network: preference first, then its export filter. */
class KernelProgramTest {

    private static final String CONFIG = """
            router id 10.0.0.1;
            filter calico_kernel_programming {
              if ( net ~ 192.168.0.0/16 ) then { krt_tunnel = "tunl0"; accept; }
              if ( net ~ 10.65.0.0/16 ) then accept;
              reject;
            }
            protocol kernel {
              learn;
              persist;
              scan time 2;
              import all;
              export filter calico_kernel_programming;
            }
            """;

    private static final InetAddress PEER = InetAddress.ofLiteral("10.0.0.2");

    private KernelProgram program;

    @BeforeEach
    void parse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bird.cfg");
        Files.writeString(file, CONFIG);
        BirdConfig config = new ConfigReader(RouterFamily.IPV4).read(file);
        KernelProtocol kernel = KernelWorker.protocols(config, KernelProtocol.class).getFirst();
        program = new KernelProgram(kernel, new RouteFilterEngine(config));
    }

    private static Candidate bgp(String prefix) {
        IpPrefix net = IpPrefix.parse(prefix);
        FilterRoute view = FilterRoute.of(new NetPrefix(net.address(), net.length()), "Mesh_10_0_0_2").withBgpNextHop(PEER);
        return new Candidate("Mesh_10_0_0_2", Candidate.BGP_PREFERENCE, view, KernelRoute.via(net, PEER),
                Candidate.Kind.BGP);
    }

    private static Candidate local(String protocol, int preference, KernelRoute route, Candidate.Kind kind) {
        return Candidate.of(new OriginRoute(protocol, preference, route), kind);
    }

    @Test
    void bgpRouteAcceptedByTheFilterIsInstalledViaItsNextHop() {
        assertThat(program.program(List.of(bgp("10.65.3.0/26"))))
                .contains(KernelRoute.via(IpPrefix.parse("10.65.3.0/26"), PEER));
    }

    @Test
    void krtTunnelMakesAnOnlinkTunnelRoute() {
        assertThat(program.program(List.of(bgp("192.168.7.0/26"))))
                .contains(KernelRoute.tunnel(IpPrefix.parse("192.168.7.0/26"), PEER, "tunl0"));
    }

    @Test
    void rejectedByTheFilterIsNotInstalled() {
        assertThat(program.program(List.of(bgp("172.16.0.0/24")))).isEmpty();
    }

    @Test
    void staticBlackholeBeatsBgpByPreference() {
        KernelRoute blackhole = KernelRoute.blackhole(IpPrefix.parse("10.65.2.0/26"));
        Candidate statics = local("static1", OriginRoute.STATIC_PREFERENCE, blackhole, Candidate.Kind.STATIC);

        assertThat(program.program(List.of(bgp("10.65.2.0/26"), statics))).contains(blackhole);
    }

    @Test
    void learnedAndDeviceRoutesAreNeverWrittenBack() {
        KernelRoute workload = KernelRoute.device(IpPrefix.parse("10.65.2.7/32"), "cali123");
        KernelRoute connected = KernelRoute.device(IpPrefix.parse("10.65.9.0/24"), "eth0");

        assertThat(program.program(List.of(local("kernel1", OriginRoute.KERNEL_PREFERENCE, workload,
                Candidate.Kind.KERNEL)))).isEmpty();
        assertThat(program.program(List.of(local("direct1", OriginRoute.DIRECT_PREFERENCE, connected,
                Candidate.Kind.DIRECT), bgp("10.65.9.0/24")))).isEmpty();
        assertThat(program.program(List.of())).isEmpty();
    }
}
