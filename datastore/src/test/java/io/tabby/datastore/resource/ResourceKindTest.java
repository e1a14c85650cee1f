package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceKindTest {
    @Test
    void looksUpCalicoctlNamesIgnoringCase() {
        assertThat(ResourceKind.lookup("IPP")).contains(ResourceKind.IP_POOL);
        assertThat(ResourceKind.lookup("pools")).contains(ResourceKind.IP_POOL);
        assertThat(ResourceKind.lookup("IPPool")).contains(ResourceKind.IP_POOL);
        assertThat(ResourceKind.lookup("no")).contains(ResourceKind.NODE);
        assertThat(ResourceKind.lookup("bp")).contains(ResourceKind.BGP_PEER);
        assertThat(ResourceKind.lookup("bgpps")).contains(ResourceKind.BGP_PEER);
        assertThat(ResourceKind.lookup("ipps")).contains(ResourceKind.IP_POOL);
        assertThat(ResourceKind.lookup("BGPConfigs")).contains(ResourceKind.BGP_CONFIGURATION);
        assertThat(ResourceKind.lookup("felixconfig")).contains(ResourceKind.FELIX_CONFIGURATION);
        assertThat(ResourceKind.lookup("policy")).contains(ResourceKind.NETWORK_POLICY);
        assertThat(ResourceKind.lookup("GNP")).contains(ResourceKind.GLOBAL_NETWORK_POLICY);
        assertThat(ResourceKind.lookup("weps")).contains(ResourceKind.WORKLOAD_ENDPOINT);
        assertThat(ResourceKind.lookup("hep")).contains(ResourceKind.HOST_ENDPOINT);
        assertThat(ResourceKind.lookup("pro")).contains(ResourceKind.PROFILE);
        assertThat(ResourceKind.lookup("networkset")).isEmpty();
    }

    @Test
    void namesAndPlurals() {
        assertThat(ResourceKind.BGP_PEER.displayName()).isEqualTo("BGPPeer");
        assertThat(ResourceKind.BGP_PEER.plural()).isEqualTo("bgppeers");
        assertThat(ResourceKind.BGP_PEER.listKind()).isEqualTo("BGPPeerList");
        assertThat(ResourceKind.NODE.aliases()).containsExactly("node", "nodes", "no", "nos");
    }

    @Test
    void problemLines() {
        assertThat(new InputProblem("-", 0, 0, "", "", "contains no resources")).hasToString("-: contains no resources");
        assertThat(new InputProblem("a.yaml", 3, 2, "Node \"n\"", "spec.bgp", "is empty"))
                .hasToString("a.yaml: document 3, item 2 (Node \"n\"): spec.bgp: is empty");
    }
}
