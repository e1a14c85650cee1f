package io.tabby.bird.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.DirectProtocol;
import io.tabby.bird.config.InterfacePattern;
import io.tabby.bird.config.SourcePosition;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectRoutesTest {

    @Test
    void connectedPrefixesOfUpInterfacesMatchingThePatterns() {
        FakeKernel kernel = new FakeKernel();
        NetNs ns = NetNs.root();
        kernel.linkOps().createVeth(ns, "eth0", "eth0p", ns);
        kernel.linkOps().createVeth(ns, "cali12345", "calip", ns);
        kernel.linkOps().createVeth(ns, "eth1", "eth1p", ns);
        kernel.linkOps().setUp(ns, "eth0");
        kernel.linkOps().setUp(ns, "cali12345");
        kernel.addrOps().add(ns, List.of(Address.of("eth0", "10.0.0.1/24"), Address.of("cali12345", "169.254.1.1/32"),
                Address.of("eth1", "10.9.0.1/24")));
        DirectProtocol direct = new DirectProtocol("direct1", new SourcePosition("/b.cfg", 1, 1),
                Optional.empty(), Set.of(),
                List.of(new InterfacePattern(true, "cali*"), new InterfacePattern(true, "kube-ipvs*"), new InterfacePattern(false, "*")));

        List<OriginRoute> routes = new DirectRoutes(kernel.linkOps(), kernel.addrOps()).scan(direct, ns, IpFamily.V4);

        assertThat(routes).containsExactly(new OriginRoute("direct1", OriginRoute.DIRECT_PREFERENCE,
                KernelRoute.device(IpPrefix.parse("10.0.0.0/24"), "eth0")));
        assertThat(routes.getFirst().filterView().attribute("ifname")).isPresent();
    }

    @Test
    void firstMatchingPatternDecides() {
        assertThat(DirectRoutes.accepts(List.of(), "anything")).isTrue();
        assertThat(DirectRoutes.accepts(List.of(new InterfacePattern(false, "eth*")), "tunl0")).isFalse();
        assertThat(DirectRoutes.accepts(List.of(new InterfacePattern(false, "eth0"), new InterfacePattern(true, "eth*")),
                "eth0")).isTrue();
    }
}
