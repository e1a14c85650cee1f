package io.tabby.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.testing.RecordingCommandRunner;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinuxAddrNeighSysctlOpsTest {

    private final RecordingCommandRunner runner = new RecordingCommandRunner();
    private final NetNs ns = NetNs.named("n1");

    @Test
    void addressesParseFromAddrInfo() {
        runner.replyTo(List.of("address", "show"), """
                [{"ifindex":1,"ifname":"lo","addr_info":[]},
                 {"ifindex":2,"ifname":"caliA","addr_info":[
                   {"family":"inet","local":"10.9.0.1","prefixlen":24,"scope":"global"},
                   {"family":"inet6","local":"fe80::86c:c7ff:fe04:2852","prefixlen":64,"scope":"link"}]}]""");

        List<Address> addresses = new LinuxAddrOps(runner).list(ns, IpFamily.V4);

        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "-json", "-4", "address", "show");
        assertThat(addresses).containsExactly(Address.of("caliA", "10.9.0.1/24"), Address.of("caliA", "fe80::86c:c7ff:fe04:2852/64"));
    }

    @Test
    void addressWritesAreOneBatch() {
        LinuxAddrOps addrs = new LinuxAddrOps(runner);
        addrs.add(ns, List.of(Address.of("vxlan.calico", "10.65.1.0/32"), Address.of("eth0", "fd00::1/128")));
        assertThat(runner.last().stdin()).contains("address replace 10.65.1.0/32 dev vxlan.calico\naddress replace fd00::1/128 dev eth0\n");

        addrs.delete(ns, List.of(Address.of("eth0", "10.65.1.1/32")));
        assertThat(runner.last().stdin()).contains("address del 10.65.1.1/32 dev eth0\n");
    }

    @Test
    void neighboursAndFdbParseAndBatch() {
        runner.replyTo(List.of("neigh", "show"), """
                [{"dst":"10.0.0.9","lladdr":"66:00:00:00:00:09","state":["PERMANENT"]},{"dst":"10.0.0.8","state":["FAILED"]}]""");
        runner.replyTo(List.of("fdb", "show"), """
                [{"mac":"66:00:00:00:00:02","dst":"10.0.0.2","flags":["self"],"state":"permanent"},
                 {"mac":"33:33:00:00:00:01","flags":["self"],"state":"permanent"}]""");
        LinuxNeighOps neighs = new LinuxNeighOps(runner);

        assertThat(neighs.listPermanent(ns, "vxlan.calico"))
                .containsExactly(Neighbour.of("vxlan.calico", "10.0.0.9", "66:00:00:00:00:09"));
        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "-json", "neigh", "show", "dev", "vxlan.calico",
                "nud", "permanent");
        assertThat(neighs.listFdb(ns, "vxlan.calico"))
                .containsExactly(FdbEntry.of("vxlan.calico", "66:00:00:00:00:02", "10.0.0.2"));
        assertThat(runner.last().argv()).startsWith("bridge", "-n", "n1", "-json", "fdb", "show");

        neighs.replacePermanent(ns, List.of(Neighbour.of("vxlan.calico", "10.65.2.0", "66:00:00:00:00:02")));
        assertThat(runner.last().stdin()).contains("neigh replace 10.65.2.0 lladdr 66:00:00:00:00:02 dev vxlan.calico nud permanent\n");
        neighs.replaceFdb(ns, List.of(FdbEntry.of("vxlan.calico", "66:00:00:00:00:02", "198.51.100.2")));
        assertThat(runner.last().argv()).containsExactly("bridge", "-n", "n1", "-force", "-batch", "-");
        assertThat(runner.last().stdin()).contains("fdb replace 66:00:00:00:00:02 dev vxlan.calico dst 198.51.100.2 self permanent\n");
        neighs.deleteFdb(ns, List.of(FdbEntry.of("vxlan.calico", "66:00:00:00:00:02", "198.51.100.2")));
        assertThat(runner.last().stdin()).contains("fdb del 66:00:00:00:00:02 dev vxlan.calico dst 198.51.100.2 self\n");
    }

    @Test
    void sysctlsRunInsideTheNamespaceInOneCall() {
        runner.replyTo(List.of("sysctl", "-n"), "1\n");
        LinuxSysctlOps sysctls = new LinuxSysctlOps(runner);

        assertThat(sysctls.read(ns, "net.ipv4.ip_forward")).isEqualTo("1");
        assertThat(runner.last().argv()).containsExactly("ip", "netns", "exec", "n1", "sysctl", "-n", "net.ipv4.ip_forward");

        sysctls.write(ns, Map.of("net.ipv4.conf.cali1.proxy_arp", "1", "net.ipv4.conf.cali1.forwarding", "1"));
        assertThat(runner.last().argv()).containsExactly("ip", "netns", "exec", "n1", "sysctl", "-q", "-w",
                "net.ipv4.conf.cali1.forwarding=1", "net.ipv4.conf.cali1.proxy_arp=1");

        assertThatThrownBy(() -> sysctls.write(ns, Map.of("net.ipv4.ip_forward", "1\n"))).hasMessageContaining("newline");
        assertThatThrownBy(() -> sysctls.read(ns, "net ipv4")).hasMessageContaining("not a sysctl key");
    }

    @Test
    void interfaceKeysUseSlashesWhenTheNameHasADot() {
        assertThat(SysctlOps.interfaceKey("net.ipv4.conf", "cali1", "proxy_arp")).isEqualTo("net.ipv4.conf.cali1.proxy_arp");
        assertThat(SysctlOps.interfaceKey("net.ipv4.conf", "vxlan.calico", "rp_filter"))
                .isEqualTo("net/ipv4/conf/vxlan.calico/rp_filter");
    }

    @Test
    void prefixesParseAndNormalise() {
        assertThat(IpPrefix.parse("10.65.1.7/26").network()).isEqualTo(IpPrefix.parse("10.65.1.0/26"));
        assertThat(IpPrefix.parse("fd00::1").length()).isEqualTo(128);
        assertThat(IpPrefix.parse("default", IpFamily.V6)).isEqualTo(IpPrefix.parse("::/0"));
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessageContaining("out of range");
        assertThat(IpPrefix.format(IpPrefix.parseAddress("fd00:0:0:1:0:0:0:1"))).isEqualTo("fd00:0:0:1::1");
        assertThat(IpPrefix.format(IpPrefix.parseAddress("::"))).isEqualTo("::");
        assertThat(IpPrefix.format(IpPrefix.parseAddress("fe80::86c:c7ff:fe04:2852"))).isEqualTo("fe80::86c:c7ff:fe04:2852");
        assertThat(IpPrefix.format(IpPrefix.parseAddress("1:2:3:4:5:6:7:8"))).isEqualTo("1:2:3:4:5:6:7:8");
        assertThat(IpPrefix.format(IpPrefix.parseAddress("1:0:3:4:5:6:7:0"))).isEqualTo("1:0:3:4:5:6:7:0");
        assertThat(IpPrefix.format(IpPrefix.parseAddress("fd00::"))).isEqualTo("fd00::");
        assertThatThrownBy(() -> IpPrefix.parse("example.com")).hasMessageContaining("not an IPv4 or IPv6 address");
    }
}
