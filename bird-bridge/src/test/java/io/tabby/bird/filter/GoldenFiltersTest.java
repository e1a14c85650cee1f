package io.tabby.bird.filter;

import static io.tabby.bird.filter.Goldens.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.KernelProtocol;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The filters confd renders, run over routes the way BIRD would run them. */
class GoldenFiltersTest {

    private final BirdConfig pools = Goldens.parse("ipip-vxlan-pools/node1/bird.cfg");
    private final RouteFilterEngine engine = new RouteFilterEngine(pools);

    private boolean exportToPeers(String prefix) {
        BgpProtocol peer = pools.bgpProtocols().getFirst();
        return engine.run(peer.exportPolicy(), route(prefix, "static1")).accepted();
    }

    private FilterVerdict kernel(FilterRoute route) {
        KernelProtocol kernel = (KernelProtocol) pools.protocol("kernel1").orElseThrow();
        return engine.run(kernel.exportPolicy(), route);
    }

    @Test
    void exportToPeersAdvertisesBlockAggregatesAndPoolRoutesOnly() {
        assertThat(exportToPeers("192.168.0.0/26")).as("own block aggregate").isTrue();
        assertThat(exportToPeers("192.168.0.5/32")).as("address inside an own block").isFalse();
        assertThat(exportToPeers("192.168.1.0/26")).as("another node's block in the IPIP pool").isTrue();
        assertThat(exportToPeers("192.168.70.0/26")).as("cross-subnet IPIP pool").isTrue();
        assertThat(exportToPeers("10.244.1.0/26")).as("own VXLAN block").isTrue();
        assertThat(exportToPeers("172.20.9.9/32")).as("plain pool, borrowed address").isTrue();
        assertThat(exportToPeers("172.21.0.0/26")).as("disableBGPExport pool").isFalse();
        assertThat(exportToPeers("10.0.0.0/24")).as("the node's own subnet").isFalse();
        assertThat(exportToPeers("0.0.0.0/0")).as("default route").isFalse();
    }

    @Test
    void kernelProgrammingLeavesVxlanAndIpipPoolsToTheNodeAgent() throws Exception {
        InetAddress sameSubnet = InetAddress.ofLiteral("10.0.0.7");
        InetAddress otherSubnet = InetAddress.ofLiteral("10.0.1.1");

        assertThat(kernel(route("10.244.2.0/26", "Mesh_10_0_1_1")).accepted()).as("VXLAN pool").isFalse();
        assertThat(kernel(route("192.168.0.64/26", "Mesh_10_0_1_1")).accepted()).as("IPIP pool").isFalse();
        assertThat(kernel(route("172.20.1.0/26", "Mesh_10_0_1_1")).accepted()).as("plain pool").isTrue();
        assertThat(kernel(route("8.8.8.0/24", "Mesh_10_0_1_1")).accepted()).as("outside every pool").isTrue();
        assertThat(kernel(route("192.168.64.64/26", "Mesh_10_0_0_7").withBgpNextHop(sameSubnet)).accepted())
                .as("cross-subnet pool, next hop in our subnet").isTrue();
        assertThat(kernel(route("192.168.64.64/26", "Mesh_10_0_1_1").withBgpNextHop(otherSubnet)).accepted())
                .as("cross-subnet pool, next hop elsewhere").isFalse();
        FilterVerdict noNextHop = kernel(route("192.168.64.0/26", "static1"));
        assertThat(noNextHop).as("no BGP next hop: defined() short-circuits, no runtime error")
                .isInstanceOfSatisfying(FilterVerdict.Rejected.class, r -> assertThat(r.error()).isFalse());
    }

    @Test
    void customFiltersAcceptServiceRoutesBeforeTheFinalReject() {
        BirdConfig config = Goldens.parse("no-mesh-global-peers/node1/bird.cfg");
        RouteFilterEngine filters = new RouteFilterEngine(config);
        assertThat(filters.runFilter("calico_export_to_bgp_peers", route("10.96.0.10/32", "static1")).accepted()).isTrue();
        assertThat(filters.runFilter("calico_export_to_bgp_peers", route("10.112.0.0/24", "static1")).accepted()).isFalse();
    }

    @Test
    void ipv6AggregationAndPools() {
        BirdConfig config = Goldens.parse("ipv6/node1/bird6.cfg");
        RouteFilterEngine filters = new RouteFilterEngine(config);
        assertThat(filters.runFilter("calico_export_to_bgp_peers", route("fd80:24e2:f998:72d6:1::/122", "static1")).accepted())
                .isTrue();
        assertThat(filters.runFilter("calico_export_to_bgp_peers", route("fd80:24e2:f998:72d6:1::5/128", "kernel1")).accepted())
                .isFalse();
        assertThat(filters.runFilter("calico_export_to_bgp_peers", route("fd80:24e2:f998:72d6:2::/122", "Mesh_x")).accepted())
                .isTrue();
        assertThat(filters.runFilter("calico_export_to_bgp_peers", route("fd00:10::/64", "direct1")).accepted()).isFalse();
    }

    @Test
    void everyGoldenKernelAndPeerFilterDecidesEveryProbeWithoutRuntimeErrors() throws Exception {
        String[] probes = {"192.168.0.0/26", "192.168.0.1/32", "10.0.0.0/24", "0.0.0.0/0", "172.20.5.5/32"};
        for (String node : new String[] {"mesh-3-nodes/node1", "route-reflector/rr1", "route-reflector/c1",
                "node-peers/node1", "ipip-vxlan-pools/node2", "no-mesh-global-peers/node1"}) {
            BirdConfig config = Goldens.parse(node + "/bird.cfg");
            RouteFilterEngine filters = new RouteFilterEngine(config);
            for (String probe : probes) {
                for (String filter : config.filters().keySet()) {
                    FilterVerdict verdict = filters.runFilter(filter, route(probe, "static1")
                            .withBgpNextHop(InetAddress.ofLiteral("10.0.0.2")));
                    assertThat(verdict).as(node + " " + filter + " " + probe)
                            .matches(v -> !(v instanceof FilterVerdict.Rejected r) || !r.error());
                }
            }
        }
    }
}
