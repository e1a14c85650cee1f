package io.tabby.datastore.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import org.junit.jupiter.api.Test;

class KeyPathsPrefixTest {

    @Test
    void prefixesEndInSlashAndContainTheirKeys() {
        assertThat(KeyPaths.poolPrefix(IpFamily.V4)).isEqualTo("/calico/v1/ipam/v4/pool/");
        assertThat(KeyPaths.poolPrefix(IpFamily.V6)).isEqualTo("/calico/v1/ipam/v6/pool/");
        assertThat(KeyPaths.hostPrefix("n1")).isEqualTo("/calico/v1/host/n1/");
        assertThat(KeyPaths.workloadPrefix("n1")).isEqualTo("/calico/v1/host/n1/workload/");
        assertThat(KeyPaths.blockPrefix(IpFamily.V4)).isEqualTo("/calico/ipam/v2/assignment/ipv4/block/");
        assertThat(KeyPaths.affinityPrefix("n1", IpFamily.V6)).isEqualTo("/calico/ipam/v2/host/n1/ipv6/block/");
        assertThat(KeyPaths.ipamHostPrefix("n1")).isEqualTo("/calico/ipam/v2/host/n1/");
        assertThat(KeyPaths.handlePrefix()).isEqualTo("/calico/ipam/v2/handle/");
        assertThat(KeyPaths.bgpHostPrefix("n1")).isEqualTo("/calico/bgp/v1/host/n1/");
        assertThat(KeyPaths.globalPeerPrefix(IpFamily.V4)).isEqualTo("/calico/bgp/v1/global/peer_v4/");
        assertThat(KeyPaths.customFilterPrefix(IpFamily.V6)).isEqualTo("/calico/bgp/v1/global/custom_filters/v6/");
        assertThat(KeyPaths.routeReflectorPrefix(IpFamily.V4)).isEqualTo("/calico/bgp/v1/rr_v4/");
        assertThat(KeyPaths.felixHostPrefix("n1")).isEqualTo("/calico/felix/v1/host/n1/");
        assertThat(KeyPaths.resourcePrefix("networkpolicies", "ns1"))
                .isEqualTo("/calico/resources/v3/projectcalico.org/networkpolicies/ns1/");
        assertThat(KeyPaths.policyPrefix("default")).isEqualTo("/calico/v1/policy/tier/default/policy/");

        assertThat(new IpPoolKey(Cidr.parse("10.0.0.0/8")).path()).startsWith(KeyPaths.poolPrefix(IpFamily.V4));
        assertThat(new BlockAffinityKey("n1", Cidr.parse("10.0.0.0/26")).path())
                .startsWith(KeyPaths.affinityPrefix("n1", IpFamily.V4))
                .startsWith(KeyPaths.ipamHostPrefix("n1"));
        assertThat(new NodeBgpPeerKey("n1", IpAddr.parse("fd00::1")).path())
                .startsWith(KeyPaths.nodePeerPrefix("n1", IpFamily.V6))
                .startsWith(KeyPaths.bgpHostPrefix("n1"));
        assertThat(new WorkloadEndpointKey("n1", "k8s", "w", "e").path()).startsWith(KeyPaths.workloadPrefix("n1"));
    }

    @Test
    void nodePrefixOfOneNodeDoesNotCoverAnother() {
        assertThat(new HostMetadataKey("n10").path()).doesNotStartWith(KeyPaths.hostPrefix("n1"));
    }

    @Test
    void prefixHelpersValidateNames() {
        assertThatThrownBy(() -> KeyPaths.hostPrefix("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name \"a/b\" contains '/'");
        assertThatThrownBy(() -> KeyPaths.affinityPrefix("", IpFamily.V4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node name \"\" is empty");
    }
}
