package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Source selection decisions that need no etcd at all. */
class EtcdSourcesTest {

    private static final EtcdOptions TLS = new EtcdOptions(true, false);
    private static final EtcdOptions AUTH = new EtcdOptions(false, true);

    @Test
    void usesExternalEndpointsWhenGiven() {
        try (ManagedEtcd server = sources(Map.of("TABBY_TEST_ETCD", "http://127.0.0.1:1")).open(EtcdOptions.plain())) {
            assertThat(server.endpoints()).containsExactly("http://127.0.0.1:1");
            assertThat(server.controllable()).isFalse();
        }
    }

    @Test
    void externalEtcdCannotBeStoppedSoTheTestIsSkipped() {
        try (ManagedEtcd server = sources(Map.of("TABBY_TEST_ETCD", "http://127.0.0.1:1")).open(EtcdOptions.plain())) {
            assertThatThrownBy(server::stop).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("TABBY_TEST_ETCD=http://127.0.0.1:1");
        }
    }

    @Test
    void externalEtcdCannotBeStoppedSoTheTestFailsWhenEverythingIsRequired() {
        Map<String, String> env = Map.of("TABBY_TEST_ETCD", "http://127.0.0.1:1", "TABBY_REQUIRE_ALL", "1");
        try (ManagedEtcd server = sources(env).open(EtcdOptions.plain())) {
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not control");
        }
    }

    @Test
    void externalEtcdCannotOfferTlsOrAuth() {
        EtcdSources sources = sources(Map.of("TABBY_TEST_ETCD", "http://127.0.0.1:1"));

        assertThatThrownBy(() -> sources.open(TLS)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("TLS").hasMessageContaining("unset it");
        assertThatThrownBy(() -> sources.open(AUTH)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void noEtcdAnywhereSkipsWithTheReason() {
        assertThatThrownBy(() -> sources(Map.of("PATH", "")).open(EtcdOptions.plain()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no etcd available: install etcd-server")
                .hasMessageContaining("TABBY_TEST_ETCD");
    }

    @Test
    void noEtcdAnywhereFailsWhenEverythingIsRequired() {
        assertThatThrownBy(() -> sources(Map.of("PATH", "", "TABBY_REQUIRE_ALL", "1")).open(EtcdOptions.plain()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no etcd available: install etcd-server");
    }

    @Test
    void etcdWithoutEtcdctlAsksForTheClientPackage(@TempDir Path bin) throws IOException {
        Files.createFile(bin.resolve("etcd"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThatThrownBy(() -> sources(Map.of("PATH", bin.toString())).open(EtcdOptions.plain()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("install etcd-client");
    }

    private static EtcdSources sources(Map<String, String> env) {
        return new EtcdSources(TestEnvironment.of(env), () -> false, Optional.empty());
    }
}
