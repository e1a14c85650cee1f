package io.tabby.ctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.TestManifests;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS settings reach etcd from the environment, from flags and from the config file. */
@RealEtcd(tls = true)
class TabbyctlTlsIT {

    @TempDir
    Path dir;

    private final EtcdServer etcd;
    private final EtcdServer.TlsFiles tls;

    TabbyctlTlsIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.tls = etcd.tls().orElseThrow();
    }

    private String endpoints() {
        return String.join(",", etcd.endpoints());
    }

    @Test
    void tlsFromEnvironment() throws IOException {
        Path pool = Files.writeString(dir.resolve("pool.yaml"), TestManifests.V1_POOL);
        Map<String, String> env = Map.of("ETCD_ENDPOINTS", endpoints(),
                "ETCD_CA_CERT_FILE", tls.caCert().toString(),
                "ETCD_CERT_FILE", tls.clientCert().toString(),
                "ETCD_KEY_FILE", tls.clientKey().toString());

        CtlRun apply = CtlRun.runReal("", env, "apply", "-f", pool.toString());
        CtlRun get = CtlRun.runReal("", env, "get", "ippools", "-o", "name");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(get.out()).as(get.toString()).contains("ippool/");
        assertThat(etcd.etcdctl("get", "--prefix", "/calico/v1/ipam", "--keys-only")).contains("192.168.0.0-16");
    }

    @Test
    void tlsFromFlags() {
        CtlRun run = CtlRun.runReal("", Map.of(), "get", "ippools", "--etcd-endpoints", endpoints(),
                "--etcd-ca-cert-file", tls.caCert().toString(), "--etcd-cert-file", tls.clientCert().toString(),
                "--etcd-key-file", tls.clientKey().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("NAME");
    }

    @Test
    void tlsFromConfigFile() throws IOException {
        Path config = Files.writeString(dir.resolve("tabbyctl.cfg"), """
                apiVersion: projectcalico.org/v3
                kind: CalicoAPIConfig
                spec:
                  datastoreType: etcdv3
                  etcdEndpoints: %s
                  etcdCACertFile: %s
                  etcdCertFile: %s
                  etcdKeyFile: %s
                """.formatted(endpoints(), tls.caCert(), tls.clientCert(), tls.clientKey()));

        CtlRun run = CtlRun.runReal("", Map.of(), "-c", config.toString(), "get", "nodes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void withoutClientCertificateTheErrorIsClearAndBounded() {
        CtlRun run = CtlRun.runReal("", Map.of("ETCD_ENDPOINTS", endpoints(),
                "ETCD_CA_CERT_FILE", tls.caCert().toString()), "get", "nodes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to execute command: ").contains(endpoints());
    }
}
