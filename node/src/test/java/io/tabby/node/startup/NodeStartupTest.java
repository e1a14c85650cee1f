package io.tabby.node.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.resource.IpPoolResource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.testing.InMemoryBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeStartupTest {
    private final InMemoryBackend backend = new InMemoryBackend();
    private static final String HOST = "/calico/bgp/v1/host/node-a/";

    @Test
    void firstStartWritesNodeKeysPoolReadyAndIpipTunnelAddress() {
        StartupTestBed bed = new StartupTestBed(backend, "node-a", "10.0.2.15/24");
        bed.startup(Map.of()).run();

        assertThat(bed.value(HOST + "ip_addr_v4")).isEqualTo("10.0.2.15");
        assertThat(bed.value(HOST + "ip_addr_v6")).isEmpty();
        assertThat(bed.value(HOST + "network_v4")).isEqualTo("10.0.2.0/24");
        assertThat(bed.value(HOST + "network_v6")).isNull();
        assertThat(bed.value(HOST + "as_num")).isNull();
        assertThat(bed.value("/calico/v1/host/node-a/metadata")).isEqualTo("{}");
        assertThat(bed.value("/calico/v1/host/node-a/bird_ip")).isEqualTo("10.0.2.15");
        assertThat(bed.value("/calico/bgp/v1/global/as_num")).isEqualTo("64512");
        assertThat(bed.value("/calico/v1/Ready")).isEqualTo("true");
        assertThat(bed.value("/calico/v1/ipam/v4/pool/192.168.0.0-16"))
                .contains("\"ipip\":\"tunl0\"").contains("\"masquerade\":true");
        assertThat(backend.list("/calico/v1/ipam/v6/").kvs()).isEmpty();
        String tunnel = bed.value("/calico/v1/host/node-a/config/IpInIpTunnelAddr");
        assertThat(tunnel).startsWith("192.168.");
        assertThat(backend.list("/calico/ipam/v2/handle/ipip-tunnel-addr-node-a").kvs()).hasSize(1);
        assertThat(bed.value("/calico/v1/host/node-a/config/IPv4VXLANTunnelAddr")).isNull();
    }

    @Test
    void restartKeepsStoredAddressAsAndRrClusterIdAndTunnelAddress() {
        StartupTestBed bed = new StartupTestBed(backend, "node-a", "10.0.2.15/24");
        bed.startup(Map.of("AS", "65010")).run();
        backend.put(HOST + "rr_cluster_id", "244.0.0.1");
        String tunnel = bed.value("/calico/v1/host/node-a/config/IpInIpTunnelAddr");

        StartupTestBed moved = new StartupTestBed(backend, "node-a", "10.0.9.9/24");
        moved.startup(Map.of()).run();

        assertThat(bed.value(HOST + "ip_addr_v4")).isEqualTo("10.0.2.15");
        assertThat(bed.value(HOST + "as_num")).isEqualTo("65010");
        assertThat(bed.value(HOST + "rr_cluster_id")).isEqualTo("244.0.0.1");
        assertThat(bed.value("/calico/v1/host/node-a/config/IpInIpTunnelAddr")).isEqualTo(tunnel);

        moved.startup(Map.of("IP", "autodetect", "IP6", "fd00::7/64")).run();
        assertThat(bed.value(HOST + "ip_addr_v4")).isEqualTo("10.0.9.9");
        assertThat(bed.value(HOST + "ip_addr_v6")).isEqualTo("fd00::7");
        assertThat(bed.value(HOST + "network_v6")).isEqualTo("fd00::/64");
        assertThat(backend.list("/calico/v1/ipam/v6/pool/").kvs()).hasSize(1);
    }

    @Test
    void anotherNodeWithTheSameAddressStopsStartUp() {
        new StartupTestBed(backend, "node-a", "10.0.2.15/24").startup(Map.of()).run();
        StartupTestBed clash = new StartupTestBed(backend, "node-b", "10.0.2.15/24");
        assertThatThrownBy(() -> clash.startup(Map.of()).run())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("node 'node-a' is already using the IPv4 address 10.0.2.15");
        assertThat(backend.get("/calico/v1/host/node-b/metadata")).isEmpty();
    }

    @Test
    void noAddressAtAllFailsWithAdvice() {
        StartupTestBed bed = new StartupTestBed(backend, "node-a", "10.0.2.15/24");
        assertThatThrownBy(() -> bed.startup(Map.of("IP_AUTODETECTION_METHOD", "interface=wlan0")).run())
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("no IPv4 address could be autodetected").hasMessageContaining("Set IP");
    }

    @Test
    void existingPoolsAreLeftAloneAndVxlanPoolGetsVxlanTunnelAddressAndMac() {
        StartupTestBed bed = new StartupTestBed(backend, "node-a", "10.0.2.15/24");
        bed.startup(Map.of("TABBY_IPV4POOL_IPIP", "Never", "TABBY_IPV4POOL_VXLAN", "Always",
                "TABBY_IPV4POOL_CIDR", "10.65.0.0/16")).run();
        assertThat(bed.resources.list(ResourceKind.IP_POOL).items()).hasSize(1);
        assertThat(((IpPoolResource) bed.resources.list(ResourceKind.IP_POOL).items().getFirst()).spec().vxlanMode())
                .isEqualTo("Always");
        assertThat(bed.value("/calico/v1/host/node-a/config/IPv4VXLANTunnelAddr")).startsWith("10.65.");
        assertThat(bed.value("/calico/v1/host/node-a/config/VXLANTunnelMACAddr"))
                .isEqualTo(TunnelAddresses.vxlanMac("node-a")).startsWith("66:");
        assertThat(bed.value("/calico/v1/host/node-a/config/IpInIpTunnelAddr")).isNull();

        // A second node with other defaults creates no pool: one exists.
        new StartupTestBed(backend, "node-b", "10.0.2.16/24").startup(Map.of()).run();
        assertThat(bed.resources.list(ResourceKind.IP_POOL).items()).hasSize(1);
    }

    @Test
    void tunnelAddressIsReleasedWhenNoPoolNeedsIt() {
        StartupTestBed bed = new StartupTestBed(backend, "node-a", "10.0.2.15/24");
        bed.startup(Map.of()).run();
        String pool = "/calico/v1/ipam/v4/pool/192.168.0.0-16";
        backend.commit(List.of(TxnOp.put(pool, bed.value(pool).replace("\"ipip\":\"tunl0\",", "\"ipip\":\"\",")
                .replace("\"ipip_mode\":\"always\"", "\"ipip_mode\":\"\""))));
        bed.tunnels().reconcile();
        assertThat(bed.value("/calico/v1/host/node-a/config/IpInIpTunnelAddr")).isNull();
        assertThat(backend.list("/calico/ipam/v2/handle/ipip-tunnel-addr-node-a").kvs()).isEmpty();
    }
}
