package io.tabby.datastore.backend.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.KeyValue;
import io.tabby.datastore.backend.UnavailableException;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.EtcdServer.TlsFiles;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An etcd that requires client certificates. */
@RealEtcd(tls = true)
class EtcdBackendTlsIT {

    private static final Duration BOUND = Duration.ofSeconds(15);

    private final EtcdServer etcd;
    private final TlsFiles files;
    private final String key = "/calico/it/" + UUID.randomUUID() + "/tls";

    EtcdBackendTlsIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.files = etcd.tls().orElseThrow();
    }

    @Test
    void aClientWithTheCertificateIsServed() {
        try (Backend backend = EtcdBackend.connect(TestEtcdSettings.of(etcd))) {
            backend.put(key, "secret");

            assertThat(backend.get(key)).map(KeyValue::value).contains("secret");
        }
    }

    @Test
    void bareHostPortEndpointsBecomeHttpsWithTlsFiles() {
        String bare = etcd.endpoints().getFirst().substring("https://".length());
        EtcdSettings settings = EtcdSettings.of(List.of(bare))
                .withTimeouts(TestEtcdSettings.REQUEST_TIMEOUT, TestEtcdSettings.CONNECT_TIMEOUT)
                .withTls(files.caCert(), files.clientCert(), files.clientKey());

        try (Backend backend = EtcdBackend.connect(settings)) {
            assertThat(backend.currentRevision()).isPositive();
        }
    }

    @Test
    void aClientKeyInTraditionalFormatWorksToo(@TempDir Path dir) throws Exception {
        Path sec1 = dir.resolve("client-sec1.key");
        Process openssl = new ProcessBuilder("openssl", "pkey", "-in", files.clientKey().toString(), "-traditional",
                "-out", sec1.toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();
        EtcdSettings settings = TestEtcdSettings.of(etcd).withTls(files.caCert(), files.clientCert(), sec1);

        try (Backend backend = EtcdBackend.connect(settings)) {
            assertThat(backend.currentRevision()).isPositive();
        }
    }

    @Test
    void aClientWithoutCertificateIsRefused() {
        EtcdSettings caOnly = TestEtcdSettings.of(etcd).withTls(files.caCert(), null, null);

        try (Backend backend = EtcdBackend.connect(caOnly)) {
            refused(backend, "TLS handshake with etcd at " + etcd.endpoints().getFirst() + " failed");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerIsRefused() {
        // the client certificate is no CA: trusting only it, the server's certificate does not verify
        EtcdSettings wrongTrust =
                TestEtcdSettings.of(etcd).withTls(files.clientCert(), files.clientCert(), files.clientKey());

        try (Backend backend = EtcdBackend.connect(wrongTrust)) {
            refused(backend, "check ETCD_CA_CERT_FILE, ETCD_CERT_FILE and ETCD_KEY_FILE");
        }
    }

    @Test
    void aPlainTextClientIsRefused() {
        String plain = etcd.endpoints().getFirst().replace("https://", "http://");
        EtcdSettings settings = EtcdSettings.of(List.of(plain))
                .withTimeouts(TestEtcdSettings.REQUEST_TIMEOUT, TestEtcdSettings.CONNECT_TIMEOUT);

        try (Backend backend = EtcdBackend.connect(settings)) {
            refused(backend, "cannot reach etcd at " + plain);
        }
    }

    @Test
    void unreadableTlsFilesFailAtConnectNamingTheFile() {
        EtcdSettings missing = TestEtcdSettings.of(etcd)
                .withTls(files.caCert(), files.clientCert(), Path.of("/nonexistent/client.key"));

        assertThatThrownBy(() -> EtcdBackend.connect(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/nonexistent/client.key");
    }

    private void refused(Backend backend, String why) {
        // on a loaded machine the first attempt can hit the request deadline before the handshake
        // outcome is known; the error must name the reason once the handshake has been tried
        await().atMost(BOUND).untilAsserted(() ->
                assertThatThrownBy(() -> backend.put(key + "-refused", "x"))
                        .isInstanceOf(UnavailableException.class)
                        .hasMessageContaining(why));
    }
}
