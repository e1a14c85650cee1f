package io.tabby.ctl.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.ctl.CtlException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalicoApiConfigReaderTest {

    private final CalicoApiConfigReader reader = new CalicoApiConfigReader();
    private final Path file = Path.of("/etc/tabby/tabbyctl.cfg");

    @Test
    void readsCalicoctlV3Form() {
        CalicoApiConfig config = reader.parse(file, """
                apiVersion: projectcalico.org/v3
                kind: CalicoAPIConfig
                metadata: {}
                spec:
                  datastoreType: etcdv3
                  etcdEndpoints: https://10.0.0.1:2379,https://10.0.0.2:2379
                  etcdCACertFile: /etc/tabby/ca.pem
                  etcdCertFile: /etc/tabby/cert.pem
                  etcdKeyFile: /etc/tabby/key.pem
                  etcdUsername: root
                  etcdPassword: secret
                  kubeconfig: /ignored
                """);

        assertThat(config).isEqualTo(new CalicoApiConfig(file,
                Optional.of("https://10.0.0.1:2379,https://10.0.0.2:2379"), Optional.of("/etc/tabby/ca.pem"),
                Optional.of("/etc/tabby/cert.pem"), Optional.of("/etc/tabby/key.pem"), Optional.of("root"),
                Optional.of("secret")));
    }

    @Test
    void readsJsonToo() {
        CalicoApiConfig config = reader.parse(file, """
                {"apiVersion": "projectcalico.org/v3", "kind": "CalicoAPIConfig",
                 "spec": {"etcdEndpoints": "http://127.0.0.1:2379"}}
                """);

        assertThat(config.etcdEndpoints()).contains("http://127.0.0.1:2379");
    }

    @Test
    void specMayBeAbsent() {
        assertThat(reader.parse(file, "apiVersion: projectcalico.org/v3\nkind: CalicoAPIConfig\n"))
                .isEqualTo(CalicoApiConfig.empty(file));
    }

    @Test
    void rejectsWithTheFileAndWhatIsWrong() {
        assertInvalid("", "config file /etc/tabby/tabbyctl.cfg is invalid: the file is empty");
        assertInvalid("apiVersion: v1\nkind: calicoApiConfig\n", "calicoctl v1 (etcdv2) form");
        assertInvalid("apiVersion: projectcalico.org/v2\nkind: CalicoAPIConfig\n",
                "apiVersion is 'projectcalico.org/v2'; expected projectcalico.org/v3");
        assertInvalid("apiVersion: projectcalico.org/v3\nkind: Config\n", "kind is 'Config'; expected CalicoAPIConfig");
        assertInvalid("apiVersion: projectcalico.org/v3\nkind: CalicoAPIConfig\nspec:\n  datastoreType: kubernetes\n",
                "spec.datastoreType is 'kubernetes'; tabbyctl works with etcd only: use etcdv3");
        assertInvalid("apiVersion: projectcalico.org/v3\nkind: CalicoAPIConfig\nspec:\n  etcdEndpiont: x\n",
                "unknown field spec.etcdEndpiont; allowed: datastoreType, etcdEndpoints");
        assertInvalid("- a\n- b\n", "expected a mapping");
        assertInvalid("apiVersion: projectcalico.org/v3\nkind: CalicoAPIConfig\nspec: [1]\n", "spec must be a mapping");
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThatThrownBy(() -> reader.parse(file, "apiVersion: projectcalico.org/v3\nkind: [unclosed\n"))
                .isInstanceOf(CtlException.class)
                .hasMessageStartingWith("config file /etc/tabby/tabbyctl.cfg is not valid YAML or JSON at line ");
    }

    @Test
    void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.cfg");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(CtlException.class)
                .hasMessageContaining("cannot read config file " + missing + ": no such file");
    }

    private void assertInvalid(String text, String expected) {
        assertThatThrownBy(() -> reader.parse(file, text))
                .isInstanceOf(CtlException.class)
                .hasMessageContaining(expected);
    }
}
