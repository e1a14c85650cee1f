package io.tabby.datastore.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared ETCD_* variables. */
class EtcdEnvironmentTest {
    private static EtcdSettings read(String endpoints, Map<String, String> env) {
        return EtcdEnvironment.settings(endpoints, name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void endpointsAreSplitOnCommas() {
        assertThat(read(" http://a:2379, ,http://b:2379", Map.of()).endpoints())
                .containsExactly("http://a:2379", "http://b:2379");
    }

    @Test
    void tlsAndAuthComeFromTheirVariables() {
        EtcdSettings settings = read("https://a:2379", Map.of("ETCD_CA_CERT_FILE", "/ca.pem",
                "ETCD_CERT_FILE", "/c.pem", "ETCD_KEY_FILE", "/k.pem", "ETCD_USERNAME", "u", "ETCD_PASSWORD", "p"));
        assertThat(settings).isEqualTo(EtcdSettings.of(List.of("https://a:2379"))
                .withTls(Path.of("/ca.pem"), Path.of("/c.pem"), Path.of("/k.pem")).withAuth("u", "p"));
    }

    @Test
    void aUserWithoutPasswordIsRefused() {
        assertThatThrownBy(() -> read("http://a:2379", Map.of("ETCD_USERNAME", "u")))
                .hasMessage("set both ETCD_USERNAME and ETCD_PASSWORD, or neither");
    }
}
