package io.tabby.node.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressDetectorTest {
    private final FakeKernel kernel = new FakeKernel();
    private final NetNs root = NetNs.root();
    private Optional<InetAddress> routeSource = Optional.empty();
    private AddressDetector detector;

    @BeforeEach
    void host() {
        for (String device : List.of("docker0", "cali12345", "eth0", "eth1")) {
            kernel.linkOps().createVeth(root, device, "p-" + device, root);
        }
        kernel.addrOps().add(root, List.of(
                Address.of("lo", "127.0.0.1/8"),
                Address.of("docker0", "172.17.0.1/16"),
                Address.of("cali12345", "169.254.1.1/32"),
                Address.of("eth0", "fe80::1/64"),
                Address.of("eth0", "10.0.2.15/24"),
                Address.of("eth0", "fd00::15/64"),
                Address.of("eth1", "192.168.50.7/24")));
        detector = new AddressDetector(kernel.addrOps(), (ns, dst) -> routeSource, root);
    }

    @Test
    void firstFoundSkipsCalicoExcludedInterfacesAndLinkLocal() {
        NodeAddress v4 = detector.autodetect(IpFamily.V4, new AutodetectionMethod.FirstFound()).orElseThrow();
        assertThat(v4.address()).hasToString("10.0.2.15/24");
        assertThat(v4.device()).isEqualTo("eth0");
        assertThat(v4.networkText()).isEqualTo("10.0.2.0/24");
        assertThat(v4.reason()).contains("first-found");
        NodeAddress v6 = detector.autodetect(IpFamily.V6, new AutodetectionMethod.FirstFound()).orElseThrow();
        assertThat(v6.address()).hasToString("fd00::15/64");
    }

    @Test
    void interfaceAndSkipInterfaceAndCidrPickTheRightAddress() {
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("X", "interface=eth1")).orElseThrow()
                .addressText()).isEqualTo("192.168.50.7");
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("X", "skip-interface=eth0"))
                .orElseThrow().addressText()).isEqualTo("192.168.50.7");
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("X", "cidr=192.168.0.0/16,1.2.3.0/24"))
                .orElseThrow().addressText()).isEqualTo("192.168.50.7");
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("X", "interface=wlan.*"))).isEmpty();
    }

    @Test
    void canReachUsesTheKernelsSourceAddress() {
        routeSource = Optional.of(IpPrefix.parseAddress("192.168.50.7"));
        NodeAddress found = detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("X", "can-reach=192.168.50.1"))
                .orElseThrow();
        assertThat(found.address()).hasToString("192.168.50.7/24");
        assertThat(found.reason()).contains("leaves from eth1");
        routeSource = Optional.empty();
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("X", "can-reach=192.168.50.1")))
                .isEmpty();
    }

    @Test
    void givenAddressTakesTheInterfacePrefixOrIsUsedAsGivenWithAWarning() {
        NodeAddress onEth = detector.given((AddressSetting.Given) AddressSetting.parse("IP", "10.0.2.15", IpFamily.V4));
        assertThat(onEth.address()).hasToString("10.0.2.15/24");
        assertThat(onEth.device()).isEqualTo("eth0");
        NodeAddress elsewhere = detector.given(
                (AddressSetting.Given) AddressSetting.parse("IP", "10.9.9.9/16", IpFamily.V4));
        assertThat(elsewhere.address()).hasToString("10.9.9.9/16");
        assertThat(elsewhere.device()).isEmpty();
        assertThat(elsewhere.reason()).contains("not found");
    }
}
