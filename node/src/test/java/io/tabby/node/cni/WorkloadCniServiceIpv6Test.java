package io.tabby.node.cni;

import static io.tabby.node.cni.CniTestBed.endpointKey;
import static io.tabby.node.cni.CniTestBed.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.cni.result.CniResult;
import io.tabby.cni.result.IpConfig;
import io.tabby.cni.result.Route;
import io.tabby.cni.spec.CniException;
import io.tabby.datastore.model.Cidr;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteFilter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadCniServiceIpv6Test {
    private final CniTestBed bed = new CniTestBed().pool("10.65.0.0/16", null).pool("fd00:65::/64", null);

    @Test
    void ipv6OnlyGivesThePodA128WithTheDefaultRouteViaTheHostVethsLinkLocal() throws CniException {
        CniResult result = bed.service.add(bed.add("c6", "pod6",
                "{\"type\":\"tabby-ipam\",\"assign_ipv4\":\"false\",\"assign_ipv6\":\"true\"}"));

        assertThat(result.ips()).hasSize(1);
        String ip = result.ips().getFirst().address();
        assertThat(ip).endsWith("/128");
        assertThat(Cidr.parse("fd00:65::/64").contains(Cidr.parse(ip))).isTrue();
        assertThat(result.routes()).containsExactly(new Route("::/0", Optional.empty()));
        NetNs pod = bed.podNs("pod6");
        String hostVeth = veth("pod6");
        assertThat(bed.kernel.addrOps().list(pod, IpFamily.V6)).contains(Address.of("eth0", ip));
        assertThat(bed.kernel.addrOps().list(pod, IpFamily.V4)).isEmpty();
        assertThat(bed.kernel.routeOps().list(pod, RouteFilter.table(IpFamily.V6, 254)))
                .anySatisfy(r -> {
                    assertThat(r.destination().toString()).isEqualTo("::/0");
                    assertThat(r.gateway().map(g -> g.getHostAddress())).contains("fe80:0:0:0:ecee:eeff:feee:eeee");
                });
        assertThat(bed.kernel.routeOps().list(pod, RouteFilter.table(IpFamily.V4, 254))).isEmpty();
        assertThat(bed.kernel.neighOps().listPermanent(pod, "eth0")).singleElement()
                .satisfies(n -> assertThat(n.mac()).isEqualTo("ee:ee:ee:ee:ee:ee"));
        assertThat(bed.kernel.addrOps().list(bed.host, IpFamily.V6))
                .contains(Address.of(hostVeth, WorkloadPlumbing.GATEWAY_V6 + "/64"));
        assertThat(bed.kernel.routeOps().list(bed.host, RouteFilter.table(IpFamily.V6, 254)))
                .anySatisfy(r -> {
                    assertThat(r.destination().toString()).isEqualTo(Cidr.parse(ip).toString());
                    assertThat(r.device()).contains(hostVeth);
                });
        assertThat(bed.kernel.sysctlOps().read(bed.host, "net.ipv6.conf." + hostVeth + ".proxy_ndp")).isEqualTo("1");
        assertThat(bed.kernel.sysctlOps().read(bed.host, "net.ipv6.conf." + hostVeth + ".forwarding")).isEqualTo("1");
        assertThat(bed.kernel.sysctlOps().read(pod, "net.ipv6.conf.eth0.accept_dad")).isEqualTo("0");
        assertThat(bed.backend.get(endpointKey("pod6")).orElseThrow().value())
                .contains("\"ipv4_nets\":[],\"ipv6_nets\":[\"" + Cidr.parse(ip) + "\"]");
    }

    @Test
    void dualStackResultAndEndpointCarryBothFamiliesAndCheckPasses() throws CniException {
        CniResult result = bed.service.add(bed.add("c46", "pod46",
                "{\"type\":\"tabby-ipam\",\"assign_ipv6\":\"true\"}"));

        assertThat(result.ips()).extracting(IpConfig::version).containsExactly(4, 6);
        assertThat(result.routes()).extracting(Route::dst).containsExactly("0.0.0.0/0", "::/0");
        String v4 = result.ips().get(0).address();
        String v6 = result.ips().get(1).address();
        assertThat(bed.backend.get(endpointKey("pod46")).orElseThrow().value())
                .contains("\"ipv4_nets\":[\"" + v4 + "\"],\"ipv6_nets\":[\"" + Cidr.parse(v6) + "\"]");
        assertThat(bed.plumbing.verify(veth("pod46"), bed.podNs("pod46"), "eth0",
                List.of(Cidr.parse(v4).network(), Cidr.parse(v6).network()))).isEmpty();

        bed.kernel.routeOps().delete(bed.podNs("pod46"), bed.kernel.routeOps()
                .list(bed.podNs("pod46"), RouteFilter.table(IpFamily.V6, 254)));
        assertThat(bed.plumbing.verify(veth("pod46"), bed.podNs("pod46"), "eth0",
                List.of(Cidr.parse(v4).network(), Cidr.parse(v6).network())))
                .containsExactly("default route via fe80::ecee:eeff:feee:eeee is missing in " + bed.podNs("pod46"));
    }
}
