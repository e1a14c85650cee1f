package io.tabby.node.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.CommandRunner;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.testkit.host.HostRequirements;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Autodetection against a real kernel, in a namespace {@code nboo-<random>} holding a Docker-like
 * bridge address, {@code eth0} and {@code eth1} (each a veth pair kept in the namespace, so both
 * ends are up) and a default route via {@code eth1}.
 */
class AutodetectNamespaceIT {
    private final CommandRunner runner = new ProcessCommandRunner();
    private String name;
    private NetNs ns;
    private AddressDetector detector;

    @BeforeEach
    void namespace() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("creating network namespaces");
        host.requirePrograms("apt-get install iproute2", "ip");
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        name = "nboo-" + HexFormat.of().formatHex(random);
        ip("netns", "add", name);
        ns = NetNs.named(name);
        ipn("link", "add", "docker0", "type", "veth", "peer", "name", "vdock");
        ipn("link", "add", "eth0", "type", "veth", "peer", "name", "eth0p");
        ipn("link", "add", "eth1", "type", "veth", "peer", "name", "eth1p");
        for (String link : List.of("lo", "docker0", "vdock", "eth0", "eth0p", "eth1", "eth1p")) {
            ipn("link", "set", link, "up");
        }
        ipn("addr", "add", "172.17.0.1/16", "dev", "docker0");
        ipn("addr", "add", "10.77.0.5/24", "dev", "eth0");
        ipn("-6", "addr", "add", "fd00:77::5/64", "dev", "eth0", "nodad");
        ipn("addr", "add", "10.88.0.5/24", "dev", "eth1");
        ipn("route", "add", "default", "via", "10.88.0.1", "dev", "eth1");
        detector = new AddressDetector(new LinuxAddrOps(runner), new IpRouteGet(runner), ns);
    }

    @AfterEach
    void delete() {
        if (name != null) {
            runner.run(Command.of(List.of("ip", "netns", "del", name)));
        }
    }

    private void ip(String... args) {
        runner.runChecked(Command.of(concat(List.of("ip"), args)));
    }

    private void ipn(String... args) {
        List<String> argv = concat(List.of("ip", "-n", name), args);
        runner.runChecked(Command.of(argv));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new ArrayList<>(head);
        out.addAll(List.of(tail));
        return List.copyOf(out);
    }

    @Test
    void firstFoundSkipsTheDockerBridgeAndLinkLocal() {
        assertThat(detector.autodetect(IpFamily.V4, new AutodetectionMethod.FirstFound()).orElseThrow().address())
                .hasToString("10.77.0.5/24");
        assertThat(detector.autodetect(IpFamily.V6, new AutodetectionMethod.FirstFound()).orElseThrow().address())
                .hasToString("fd00:77::5/64");
    }

    @Test
    void interfaceSkipInterfaceAndCidrMethods() {
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("M", "interface=eth1")).orElseThrow()
                .address()).hasToString("10.88.0.5/24");
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("M", "skip-interface=eth0"))
                .orElseThrow().device()).isEqualTo("eth1");
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("M", "cidr=10.88.0.0/16"))
                .orElseThrow().device()).isEqualTo("eth1");
    }

    @Test
    void canReachTakesTheSourceOfTheKernelsRoute() {
        NodeAddress viaDefault = detector.autodetect(IpFamily.V4,
                AutodetectionMethod.parse("M", "can-reach=203.0.113.9")).orElseThrow();
        assertThat(viaDefault.address()).hasToString("10.88.0.5/24");
        assertThat(viaDefault.reason()).contains("leaves from eth1");
        assertThat(detector.autodetect(IpFamily.V4, AutodetectionMethod.parse("M", "can-reach=10.77.0.200"))
                .orElseThrow().device()).isEqualTo("eth0");
        assertThat(detector.autodetect(IpFamily.V6, AutodetectionMethod.parse("M", "can-reach=2001:db8::1")))
                .as("no IPv6 default route").isEmpty();
    }

    @Test
    void givenAddressIsCheckedAgainstTheInterfaces() {
        NodeAddress given = detector.given((AddressSetting.Given) AddressSetting.parse("IP", "10.88.0.5", IpFamily.V4));
        assertThat(given.address()).hasToString("10.88.0.5/24");
        assertThat(given.device()).isEqualTo("eth1");
        assertThat(detector.given((AddressSetting.Given) AddressSetting.parse("IP", "10.99.0.1", IpFamily.V4)).device())
                .isEmpty();
    }

    @Test
    void ipipProbeAnswersAsTheKernelDoesAndLeavesNothingBehind() {
        boolean probed = new KernelIpipProbe(new LinuxLinkOps(runner), runner, ns).available();
        assertThat(new LinuxLinkOps(runner).get(ns, KernelIpipProbe.PROBE)).isEmpty();
        boolean kernelSays = runner.run(Command.of(List.of("ip", "-n", name, "link", "add", "nboo-check", "type",
                "ipip"))).succeeded();
        assertThat(probed).isEqualTo(kernelSays);
    }
}
