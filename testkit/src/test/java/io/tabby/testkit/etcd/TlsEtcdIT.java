package io.tabby.testkit.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.testkit.etcd.EtcdServer.TlsFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@RealEtcd(tls = true)
class TlsEtcdIT {

    private final EtcdServer etcd;
    private final TlsFiles files;

    TlsEtcdIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.files = etcd.tls().orElseThrow();
    }

    @Test
    void speaksHttpsAndHandsOutClientFiles() {
        assertThat(etcd.endpoints()).singleElement().asString().startsWith("https://127.0.0.1:");
        assertThat(files.caCert()).exists();
        assertThat(files.clientCert()).exists();
        assertThat(files.clientKey()).exists();
    }

    @Test
    void clientWithCertificateIsServed() {
        etcd.etcdctl("put", "/tls/a", "secure");

        Command.Result result = etcdctl("--cacert=" + files.caCert(), "--cert=" + files.clientCert(),
                "--key=" + files.clientKey(), "get", "/tls/a", "--print-value-only");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("secure");
    }

    @Test
    void clientWithoutCertificateIsRefused() {
        Command.Result result = etcdctl("--cacert=" + files.caCert(), "put", "/tls/b", "x");

        assertThat(result.exitCode()).isNotZero();
    }

    @Test
    void clientThatDoesNotTrustTheCaIsRefused() {
        Command.Result result =
                etcdctl("--cert=" + files.clientCert(), "--key=" + files.clientKey(), "put", "/tls/c", "x");

        assertThat(result.exitCode()).isNotZero();
    }

    private Command.Result etcdctl(String... args) {
        List<String> argv = new ArrayList<>(List.of("etcdctl", "--endpoints=" + etcd.endpoints().getFirst(),
                "--dial-timeout=500ms", "--command-timeout=1s"));
        argv.addAll(List.of(args));
        return new Command(argv, Map.of("ETCDCTL_API", "3"), Duration.ofSeconds(30)).run();
    }
}
