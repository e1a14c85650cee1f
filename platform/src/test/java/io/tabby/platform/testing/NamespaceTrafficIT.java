package io.tabby.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.platform.exec.Command;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.FdbEntry;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.LinuxAddrOps;
import io.tabby.platform.net.LinuxLinkOps;
import io.tabby.platform.net.LinuxNeighOps;
import io.tabby.platform.net.LinuxRouteOps;
import io.tabby.platform.net.LinuxSysctlOps;
import io.tabby.platform.net.NamespaceArgv;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Route;
import io.tabby.platform.net.RouteFilter;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteTables;
import io.tabby.platform.net.SysctlOps;
import io.tabby.platform.net.VxlanSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Packets really flow through what the Linux ops build; traffic stays inside namespaces made here. */
class NamespaceTrafficIT {

    private static final ProcessCommandRunner RUNNER = new ProcessCommandRunner();
    private static final LinuxHost HOST = new LinuxHost(RUNNER, System.getenv());

    private final LinkOps links = new LinuxLinkOps(RUNNER);
    private final LinuxAddrOps addrs = new LinuxAddrOps(RUNNER);
    private final LinuxRouteOps routes = new LinuxRouteOps(RUNNER);
    private final LinuxNeighOps neighs = new LinuxNeighOps(RUNNER);
    private final LinuxSysctlOps sysctls = new LinuxSysctlOps(RUNNER);

    @BeforeAll
    static void requireKernel() {
        HOST.require("ip", "nsenter", "sysctl", "ping");
    }

    @AfterEach
    void deleteNamespaces() {
        HOST.deleteAll();
    }

    @AfterAll
    static void deleteLeftovers() {
        HOST.deleteAll();
    }

    @Test
    void twoNamespacesPingThroughAVethPair() {
        NetNs a = HOST.newNamespace();
        NetNs b = HOST.newNamespace();
        links.createVeth(a, "veth-a", "veth-b", b);
        addrs.add(a, List.of(Address.of("veth-a", "192.0.2.1/24")));
        addrs.add(b, List.of(Address.of("veth-b", "192.0.2.2/24")));
        links.setUp(a, "veth-a");
        links.setUp(b, "veth-b");

        awaitPing(a, "192.0.2.2");
    }

    /**
     * The Calico workload topology: two pods on one node namespace, host ends {@code cali*} with
     * MAC ee:ee:ee:ee:ee:ee and proxy ARP, /32 pod addresses, default route via 169.254.1.1 and a
     * route per pod on the node. One pod is reached by path (as a CNI_NETNS would be), which
     * drives every tool through {@code nsenter --net=PATH}. The node has no default route, so the
     * pods get a static neighbour for 169.254.1.1 (the proxy-ARP gotcha).
     */
    @Test
    void calicoStylePodsPingEachOtherThroughTheNode() {
        NetNs node = HOST.newNamespace();
        NetNs pod1 = HOST.newNamespace();
        NetNs.Named pod2Named = HOST.newNamespace();
        NetNs pod2 = NetNs.path("/var/run/netns/" + pod2Named.name());

        plugPod(node, "cali1111111111a", pod1, "10.65.1.1");
        plugPod(node, "cali2222222222b", pod2, "10.65.1.2");
        sysctls.write(node, Map.of("net.ipv4.ip_forward", "1"));

        assertThat(routes.list(node, RouteFilter.owned(IpFamily.V4, RouteTables.MAIN, RouteProtocols.BOOT))).hasSize(2);
        awaitPing(pod1, "10.65.1.2");
        awaitPing(pod2, "10.65.1.1");
    }

    /**
     * Calico's VXLAN mode between two node namespaces: {@code vxlan.calico} (VNI 4096, port 4789,
     * no learning) on each, a permanent neighbour and FDB entry for the remote VTEP, and the
     * remote block routed {@code via <remote tunnel ip> dev vxlan.calico onlink}.
     */
    @Test
    void podsOnTwoNodesPingThroughVxlan() {
        NetNs n1 = HOST.newNamespace();
        NetNs n2 = HOST.newNamespace();
        NetNs p1 = HOST.newNamespace();
        NetNs p2 = HOST.newNamespace();
        links.createVeth(n1, "underlay", "underlay", n2);
        addrs.add(n1, List.of(Address.of("underlay", "198.51.100.1/24")));
        addrs.add(n2, List.of(Address.of("underlay", "198.51.100.2/24")));
        links.setUp(n1, "underlay");
        links.setUp(n2, "underlay");

        vtep(n1, "198.51.100.1", "66:00:00:00:00:01", "10.65.1.0");
        vtep(n2, "198.51.100.2", "66:00:00:00:00:02", "10.65.2.0");
        remoteBlock(n1, "10.65.2.0", "66:00:00:00:00:02", "198.51.100.2", "10.65.2.0/26");
        remoteBlock(n2, "10.65.1.0", "66:00:00:00:00:01", "198.51.100.1", "10.65.1.0/26");
        plugPod(n1, "cali1111111111a", p1, "10.65.1.1");
        plugPod(n2, "cali2222222222b", p2, "10.65.2.1");
        sysctls.write(n1, Map.of("net.ipv4.ip_forward", "1"));
        sysctls.write(n2, Map.of("net.ipv4.ip_forward", "1"));

        awaitPing(p1, "10.65.2.1");
        awaitPing(p2, "10.65.1.1");
    }

    private void vtep(NetNs node, String nodeIp, String mac, String tunnelIp) {
        links.createVxlan(node, VxlanSpec.calico("vxlan.calico", IpPrefix.parseAddress(nodeIp), "underlay", mac));
        links.setMtu(node, "vxlan.calico", 1450);
        links.setUp(node, "vxlan.calico");
        addrs.add(node, List.of(Address.of("vxlan.calico", tunnelIp + "/32")));
    }

    private void remoteBlock(NetNs node, String remoteTunnelIp, String remoteMac, String remoteNodeIp, String block) {
        neighs.replacePermanent(node, List.of(Neighbour.of("vxlan.calico", remoteTunnelIp, remoteMac)));
        neighs.replaceFdb(node, List.of(FdbEntry.of("vxlan.calico", remoteMac, remoteNodeIp)));
        routes.replace(node, List.of(Route.via(block, remoteTunnelIp, "vxlan.calico", RouteProtocols.FELIX).withOnlink(true)));
    }

    private void plugPod(NetNs node, String hostSide, NetNs pod, String podIp) {
        links.createVeth(node, hostSide, "eth0", pod);
        links.setMac(node, hostSide, "ee:ee:ee:ee:ee:ee");
        links.setUp(node, hostSide);
        sysctls.write(node, Map.of(
                SysctlOps.interfaceKey("net.ipv4.conf", hostSide, "proxy_arp"), "1",
                SysctlOps.interfaceKey("net.ipv4.neigh", hostSide, "proxy_delay"), "0",
                SysctlOps.interfaceKey("net.ipv4.conf", hostSide, "forwarding"), "1"));
        routes.replace(node, List.of(Route.toDevice(podIp + "/32", hostSide, RouteProtocols.BOOT)));

        addrs.add(pod, List.of(Address.of("eth0", podIp + "/32")));
        links.setUp(pod, "eth0");
        routes.replace(pod, List.of(Route.toDevice("169.254.1.1/32", "eth0", RouteProtocols.BOOT),
                Route.via("0.0.0.0/0", "169.254.1.1", "eth0", RouteProtocols.BOOT)));
        neighs.replacePermanent(pod, List.of(Neighbour.of("eth0", "169.254.1.1", "ee:ee:ee:ee:ee:ee")));
    }

    private static void awaitPing(NetNs from, String target) {
        Command ping = Command.of(NamespaceArgv.exec(from, List.of("ping", "-c", "1", "-W", "1", target)));
        await("ping " + target + " from " + from).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> RUNNER.run(ping).succeeded());
    }
}
