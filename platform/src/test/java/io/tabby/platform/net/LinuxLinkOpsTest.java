package io.tabby.platform.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.platform.testing.RecordingCommandRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinuxLinkOpsTest {

    private static final String LINKS = """
            [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK"],"mtu":65536,"link_type":"loopback","address":"00:00:00:00:00:00"},
             {"ifindex":2,"link_index":2,"ifname":"caliA","flags":["NO-CARRIER","BROADCAST","MULTICAST","UP"],"mtu":1400,
              "link_type":"ether","address":"EE:EE:EE:EE:EE:EE","linkinfo":{"info_kind":"veth"}},
             {"ifindex":3,"ifname":"vxlan.calico","flags":["BROADCAST","MULTICAST"],"mtu":1350,"link_type":"ether",
              "address":"66:00:00:00:00:01","linkinfo":{"info_kind":"vxlan","info_data":{"id":4096,"port":4789,"learning":false}}}]
            """;

    private final RecordingCommandRunner runner = new RecordingCommandRunner();
    private final LinuxLinkOps links = new LinuxLinkOps(runner);
    private final NetNs node = NetNs.named("n1");

    @Test
    void parsesDetailedJson() {
        runner.replyTo(List.of("link", "show"), LINKS);

        assertThat(links.list(node)).containsExactly(
                new Link("lo", 1, "", 65536, "00:00:00:00:00:00", false),
                new Link("caliA", 2, "veth", 1400, "ee:ee:ee:ee:ee:ee", true),
                new Link("vxlan.calico", 3, "vxlan", 1350, "66:00:00:00:00:01", false));
        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "-json", "-d", "link", "show");
        assertThat(links.get(node, "caliA")).get().extracting(Link::kind).isEqualTo("veth");
        assertThat(links.get(node, "nosuch")).isEmpty();
    }

    @Test
    void vethPeerTargetsByNamePathOrPid1ForRoot() {
        links.createVeth(node, "cali1", "eth0", NetNs.named("pod"));
        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "link", "add", "name", "cali1", "type", "veth",
                "peer", "name", "eth0", "netns", "pod");

        links.createVeth(node, "cali2", "eth0", NetNs.path("/proc/7/ns/net"));
        assertThat(runner.last().argv()).endsWith("netns", "/proc/7/ns/net");

        links.createVeth(node, "veth-up", "veth-down", NetNs.root());
        assertThat(runner.last().argv()).endsWith("netns", "/proc/1/ns/net");

        links.createVeth(node, "a", "b", node);
        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "link", "add", "name", "a", "type", "veth",
                "peer", "name", "b");
    }

    @Test
    void vxlanArgvIsCalicoShaped() {
        links.createVxlan(node, VxlanSpec.calico("vxlan.calico", IpPrefix.parseAddress("198.51.100.1"), "eth0",
                "66:00:00:00:00:01"));

        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "link", "add", "name", "vxlan.calico",
                "address", "66:00:00:00:00:01", "type", "vxlan", "id", "4096", "local", "198.51.100.1", "dev", "eth0",
                "dstport", "4789", "nolearning");
    }

    @Test
    void ipipArgv() {
        links.createIpip(node, "tunl0");

        assertThat(runner.last().argv()).containsExactly("ip", "-n", "n1", "link", "add", "name", "tunl0", "type", "ipip");
    }

    @Test
    void settersAlwaysUseTheDevKeyword() {
        links.setUp(node, "a");
        links.setMtu(node, "a", 1410);
        links.setMac(node, "a", "EE:EE:EE:EE:EE:EE");
        links.rename(node, "a", "b");
        links.delete(node, "b");

        assertThat(runner.argvs()).containsExactly(
                List.of("ip", "-n", "n1", "link", "set", "dev", "a", "up"),
                List.of("ip", "-n", "n1", "link", "set", "dev", "a", "mtu", "1410"),
                List.of("ip", "-n", "n1", "link", "set", "dev", "a", "address", "ee:ee:ee:ee:ee:ee"),
                List.of("ip", "-n", "n1", "link", "set", "dev", "a", "name", "b"),
                List.of("ip", "-n", "n1", "link", "del", "dev", "b"));
    }

    @Test
    void rejectsBadNamesMacsAndMtus() {
        assertThatThrownBy(() -> links.setUp(node, "sixteen-chars-xx")).hasMessageContaining("not a valid interface name");
        assertThatThrownBy(() -> links.setMac(node, "a", "ee:ee")).hasMessageContaining("not a MAC address");
        assertThatThrownBy(() -> links.setMtu(node, "a", 40)).hasMessageContaining("below");
        assertThat(runner.commands()).isEmpty();
    }
}
