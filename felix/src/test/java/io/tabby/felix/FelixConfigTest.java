package io.tabby.felix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.felix.rules.FailsafePort;
import io.tabby.felix.rules.MarkBits;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FelixConfigTest {
    @Test
    void defaultsAsCalicoFelix() {
        FelixConfig config = FelixConfig.fromEnvironment(Map.of(), "host-a");
        assertThat(config.etcd().endpoints()).containsExactly("http://127.0.0.1:2379");
        assertThat(config.nodeName()).isEqualTo("host-a");
        assertThat(config.netns()).isEqualTo(NetNs.root());
        assertThat(config.iptablesBackend()).isEqualTo(IptablesBackend.NFT);
        assertThat(config.rules().marks()).isEqualTo(MarkBits.DEFAULT);
        assertThat(config.rules().endpointToHostAction()).isEqualTo("DROP");
        assertThat(config.interfacePrefix()).isEqualTo("cali");
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void felixVariablesWinOverCalicoNodeOnes() {
        FelixConfig config = FelixConfig.fromEnvironment(Map.of(
                "FELIX_ETCDENDPOINTS", "http://10.0.0.1:2379,http://10.0.0.2:2379",
                "ETCD_ENDPOINTS", "http://ignored:2379",
                "FELIX_FELIXHOSTNAME", "felix-name", "NODENAME", "node-name",
                "FELIX_IPTABLESBACKEND", "Legacy", "FELIX_IPTABLESMARKMASK", "0xff000000",
                "FELIX_DEFAULTENDPOINTTOHOSTACTION", "return", "FELIX_IPTABLESREFRESHINTERVAL", "10"), "host");
        assertThat(config.etcd().endpoints()).containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379");
        assertThat(config.nodeName()).isEqualTo("felix-name");
        assertThat(config.iptablesBackend()).isEqualTo(IptablesBackend.LEGACY);
        assertThat(config.rules().marks().accept()).isEqualTo(0x1000000);
        assertThat(config.rules().endpointToHostAction()).isEqualTo("RETURN");
        assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void calicoNodeVariables() {
        FelixConfig config = FelixConfig.fromEnvironment(Map.of("ETCD_ENDPOINTS", "http://etcd:2379",
                "NODENAME", "node-7"), "host");
        assertThat(config.etcd().endpoints()).isEqualTo(List.of("http://etcd:2379"));
        assertThat(config.nodeName()).isEqualTo("node-7");
    }

    @Test
    void ipipBlockRoutesAreFelixsOnlyWithoutBird() {
        assertThat(FelixConfig.fromEnvironment(Map.of(), "h").programIpipRoutes()).as("BIRD by default").isFalse();
        assertThat(FelixConfig.fromEnvironment(Map.of("CALICO_NETWORKING_BACKEND", "vxlan"), "h").programIpipRoutes())
                .isTrue();
        assertThat(FelixConfig.fromEnvironment(Map.of("CALICO_NETWORKING_BACKEND", "none"), "h").programIpipRoutes())
                .isTrue();
        assertThat(FelixConfig.fromEnvironment(Map.of("CALICO_NETWORKING_BACKEND", "bird",
                "FELIX_PROGRAMCLUSTERROUTES", "Enabled"), "h").programIpipRoutes()).isTrue();
        assertThatThrownBy(() -> FelixConfig.fromEnvironment(Map.of("FELIX_PROGRAMCLUSTERROUTES", "maybe"), "h"))
                .hasMessageContaining("FELIX_PROGRAMCLUSTERROUTES is maybe; use Enabled or Disabled");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> FelixConfig.fromEnvironment(Map.of("FELIX_IPTABLESBACKEND", "auto"), "h"))
                .hasMessageContaining("FELIX_IPTABLESBACKEND").hasMessageContaining("nft or legacy");
        assertThatThrownBy(() -> FelixConfig.fromEnvironment(Map.of("FELIX_DEFAULTENDPOINTTOHOSTACTION", "MAYBE"), "h"))
                .hasMessageContaining("DefaultEndpointToHostAction");
        assertThatThrownBy(() -> FelixConfig.fromEnvironment(Map.of("FELIX_IPTABLESMARKMASK", "lots"), "h"))
                .hasMessageContaining("FELIX_IPTABLESMARKMASK");
    }

    @Test
    void failsafePortsDefaultToCalicosAndComeFromTheEnvironment() {
        FelixConfig defaults = FelixConfig.fromEnvironment(Map.of(), "h");
        assertThat(defaults.rules().failsafeInbound()).hasSize(9).contains(new FailsafePort("tcp", 22),
                new FailsafePort("udp", 68), new FailsafePort("tcp", 2379), new FailsafePort("tcp", 6667));
        assertThat(defaults.rules().failsafeOutbound()).hasSize(9).contains(new FailsafePort("udp", 53),
                new FailsafePort("udp", 67), new FailsafePort("tcp", 179));
        FelixConfig custom = FelixConfig.fromEnvironment(Map.of("FELIX_FAILSAFEINBOUNDHOSTPORTS", "tcp:2222",
                "FELIX_FAILSAFEOUTBOUNDHOSTPORTS", "none"), "h");
        assertThat(custom.rules().failsafeInbound()).containsExactly(new FailsafePort("tcp", 2222));
        assertThat(custom.rules().failsafeOutbound()).isEmpty();
        assertThatThrownBy(() -> FelixConfig.fromEnvironment(Map.of("FELIX_FAILSAFEINBOUNDHOSTPORTS", "ssh"), "h"))
                .hasMessageContaining("FELIX_FAILSAFEINBOUNDHOSTPORTS");
    }
}
