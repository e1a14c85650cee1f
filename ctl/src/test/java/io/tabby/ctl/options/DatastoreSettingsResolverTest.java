package io.tabby.ctl.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.ctl.CtlException;
import io.tabby.datastore.backend.EtcdSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatastoreSettingsResolverTest {

    @TempDir
    Path dir;

    private Path configFile;
    private Path ca;
    private Path cert;
    private Path key;

    @BeforeEach
    void files() throws IOException {
        ca = Files.writeString(dir.resolve("ca.pem"), "ca");
        cert = Files.writeString(dir.resolve("cert.pem"), "cert");
        key = Files.writeString(dir.resolve("key.pem"), "key");
        configFile = Files.writeString(dir.resolve("tabbyctl.cfg"), """
                apiVersion: projectcalico.org/v3
                kind: CalicoAPIConfig
                spec:
                  etcdEndpoints: http://file:2379
                  etcdUsername: fileuser
                  etcdPassword: filepass
                  etcdCACertFile: %s
                """.formatted(ca));
    }

    private DatastoreSettingsResolver.Resolved resolve(Map<String, String> env, String... flags) {
        return resolve(dir.resolve("absent-default.cfg"), env, flags);
    }

    private DatastoreSettingsResolver.Resolved resolve(Path defaultFile, Map<String, String> env, String... flags) {
        GlobalOptions options = new GlobalOptions();
        new CommandLine(new Holder(options)).parseArgs(flags);
        return new DatastoreSettingsResolver(new CalicoApiConfigReader(), defaultFile,
                Duration.ofSeconds(5), Duration.ofSeconds(3)).resolve(options, env);
    }

    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        GlobalOptions options;

        Holder(GlobalOptions options) {
            this.options = options;
        }
    }

    @Test
    void defaultsToLocalEtcdWithoutTlsOrAuth() {
        DatastoreSettingsResolver.Resolved resolved = resolve(Map.of());

        assertThat(resolved.settings()).isEqualTo(new EtcdSettings(List.of("http://127.0.0.1:2379"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(3)));
        assertThat(resolved.describeEndpoints()).isEqualTo("http://127.0.0.1:2379 (from default)");
    }

    @Test
    void flagBeatsEnvironmentWhichBeatsConfigFile() {
        Map<String, String> env = Map.of("ETCD_ENDPOINTS", "http://env:2379", "ETCD_USERNAME", "envuser",
                "ETCD_PASSWORD", "envpass");

        DatastoreSettingsResolver.Resolved fileOnly = resolve(Map.of(), "-c", configFile.toString());
        DatastoreSettingsResolver.Resolved envAndFile = resolve(env, "-c", configFile.toString());
        DatastoreSettingsResolver.Resolved all = resolve(env, "-c", configFile.toString(),
                "--etcd-endpoints", "http://flag:2379, http://flag2:2379", "--etcd-username", "flaguser",
                "--etcd-password", "flagpass");

        assertThat(fileOnly.settings().endpoints()).containsExactly("http://file:2379");
        assertThat(fileOnly.settings().username()).contains("fileuser");
        assertThat(fileOnly.settings().caCertFile()).contains(ca);
        assertThat(fileOnly.endpointsSource()).isEqualTo("config file " + configFile + " (spec.etcdEndpoints)");

        assertThat(envAndFile.settings().endpoints()).containsExactly("http://env:2379");
        assertThat(envAndFile.settings().username()).contains("envuser");
        assertThat(envAndFile.settings().password()).contains("envpass");
        assertThat(envAndFile.settings().caCertFile()).as("unset in env, so from the file").contains(ca);
        assertThat(envAndFile.endpointsSource()).isEqualTo("ETCD_ENDPOINTS");

        assertThat(all.settings().endpoints()).containsExactly("http://flag:2379", "http://flag2:2379");
        assertThat(all.settings().username()).contains("flaguser");
        assertThat(all.endpointsSource()).isEqualTo("--etcd-endpoints");
    }

    @Test
    void defaultConfigFileIsReadWhenPresent() {
        assertThat(resolve(configFile, Map.of()).settings().endpoints()).containsExactly("http://file:2379");
    }

    @Test
    void explicitConfigFileMustExist() {
        Path missing = dir.resolve("missing.cfg");

        assertThatThrownBy(() -> resolve(Map.of(), "--config", missing.toString()))
                .isInstanceOf(CtlException.class)
                .hasMessageContaining("cannot read config file " + missing);
    }

    @Test
    void malformedDefaultConfigFileIsAnError() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.cfg"), "kind: CalicoAPIConfig\n");

        assertThatThrownBy(() -> resolve(broken, Map.of()))
                .isInstanceOf(CtlException.class)
                .hasMessageContaining("config file " + broken + " is invalid: apiVersion is ''");
    }

    @Test
    void tlsFilesFromEnvironment() {
        DatastoreSettingsResolver.Resolved resolved = resolve(Map.of("ETCD_ENDPOINTS", "https://e:2379",
                "ETCD_CA_CERT_FILE", ca.toString(), "ETCD_CERT_FILE", cert.toString(), "ETCD_KEY_FILE", key.toString()));

        assertThat(resolved.settings().caCertFile()).contains(ca);
        assertThat(resolved.settings().certFile()).contains(cert);
        assertThat(resolved.settings().keyFile()).contains(key);
        assertThat(resolved.settings().tls()).isTrue();
    }

    @Test
    void emptyEnvironmentVariablesCountAsUnset() {
        assertThat(resolve(Map.of("ETCD_ENDPOINTS", " ")).endpointsSource()).isEqualTo("default");
    }

    @Test
    void problemsNameTheSourceToFix() {
        assertThatThrownBy(() -> resolve(Map.of("ETCD_CERT_FILE", cert.toString())))
                .hasMessageContaining("only ETCD_CERT_FILE is set");
        assertThatThrownBy(() -> resolve(Map.of(), "--etcd-username", "bob"))
                .hasMessageContaining("only --etcd-username is set");
        assertThatThrownBy(() -> resolve(Map.of("ETCD_CA_CERT_FILE", "/nope/ca.pem")))
                .hasMessage("etcd CA certificate /nope/ca.pem (from ETCD_CA_CERT_FILE) does not exist");
        assertThatThrownBy(() -> resolve(Map.of("ETCD_ENDPOINTS", ",,")))
                .hasMessageContaining("no etcd endpoints in ',,' (from ETCD_ENDPOINTS)");
        assertThatThrownBy(() -> resolve(Map.of("DATASTORE_TYPE", "kubernetes")))
                .hasMessageContaining("DATASTORE_TYPE is 'kubernetes'; tabbyctl works with etcd only");
    }
}
