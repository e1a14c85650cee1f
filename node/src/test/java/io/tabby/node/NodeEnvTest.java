package io.tabby.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeEnvTest {

    @Test
    void defaultsSocketAndNodeNameFromHostname() {
        NodeEnv env = NodeEnv.parse(Map.of("ETCD_ENDPOINTS", "http://10.0.0.1:2379, http://10.0.0.2:2379"), "host-a");

        assertThat(env.nodeName()).isEqualTo("host-a");
        assertThat(env.cniSocket()).isEqualTo(Path.of("/var/run/tabby/cni.sock"));
        assertThat(env.etcd().endpoints()).containsExactly("http://10.0.0.1:2379", "http://10.0.0.2:2379");
        assertThat(env.etcd().requestTimeout()).isEqualTo(NodeEnv.ETCD_REQUEST_TIMEOUT);
        assertThat(env.etcd().tls()).isFalse();
        assertThat(env.parts().runsBgp()).isTrue();
        assertThat(env.parts().felix().orElseThrow().nodeName()).isEqualTo("host-a");
    }

    @Test
    void nodeNameFallsBackToHostnameVariableThenHostNameAndStartupSettingsAreRead() {
        NodeEnv env = NodeEnv.parse(Map.of("ETCD_ENDPOINTS", "http://e:2379", "HOSTNAME", "from-env", "AS", "65001",
                "IP", "none"), "host-a");

        assertThat(env.nodeName()).isEqualTo("from-env");
        assertThat(env.startup().asNumber().orElseThrow().value()).isEqualTo(65001);
        assertThat(NodeEnv.parse(Map.of("ETCD_ENDPOINTS", "http://e:2379", "HOSTNAME", "from-env",
                "NODENAME", "named"), "host-a").nodeName()).isEqualTo("named");
    }

    @Test
    void readsNodeNameSocketTlsAndAuth() {
        NodeEnv env = NodeEnv.parse(Map.of("ETCD_ENDPOINTS", "https://e:2379", "NODENAME", "node-7",
                "TABBY_CNI_SOCKET", "/run/x.sock", "ETCD_CA_CERT_FILE", "/etc/ca.pem",
                "ETCD_CERT_FILE", "/etc/c.pem", "ETCD_KEY_FILE", "/etc/k.pem",
                "ETCD_USERNAME", "u", "ETCD_PASSWORD", "p"), "ignored");

        assertThat(env.nodeName()).isEqualTo("node-7");
        assertThat(env.cniSocket()).isEqualTo(Path.of("/run/x.sock"));
        assertThat(env.etcd().caCertFile()).contains(Path.of("/etc/ca.pem"));
        assertThat(env.etcd().keyFile()).contains(Path.of("/etc/k.pem"));
        assertThat(env.etcd().username()).isEqualTo(Optional.of("u"));
        assertThat(env.etcd().endpoints()).isEqualTo(List.of("https://e:2379"));
    }

    @Test
    void missingEndpointsNamesTheVariable() {
        assertThatThrownBy(() -> NodeEnv.parse(Map.of("NODENAME", "n"), "h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ETCD_ENDPOINTS");
    }

    @Test
    void usernameWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> NodeEnv.parse(Map.of("ETCD_ENDPOINTS", "e:2379", "ETCD_USERNAME", "u"), "h"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ETCD_PASSWORD");
    }
}
