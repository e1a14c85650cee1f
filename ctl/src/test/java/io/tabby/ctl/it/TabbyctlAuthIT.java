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

/** etcd user and password reach etcd from the environment and from flags; bad ones are reported clearly. */
@RealEtcd(auth = true)
class TabbyctlAuthIT {

    @TempDir
    Path dir;

    private final EtcdServer etcd;
    private final EtcdServer.Credentials root;

    TabbyctlAuthIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.root = etcd.rootCredentials().orElseThrow();
    }

    private String endpoints() {
        return String.join(",", etcd.endpoints());
    }

    @Test
    void credentialsFromEnvironment() throws IOException {
        Path pool = Files.writeString(dir.resolve("pool.yaml"), TestManifests.V1_POOL);
        Map<String, String> env = Map.of("ETCD_ENDPOINTS", endpoints(),
                "ETCD_USERNAME", root.user(), "ETCD_PASSWORD", root.password());

        CtlRun run = CtlRun.runReal("", env, "apply", "-f", pool.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(etcd.etcdctl("get", "--prefix", "/calico/v1/ipam", "--keys-only")).contains("192.168.0.0-16");
    }

    @Test
    void credentialsFromFlags() {
        CtlRun run = CtlRun.runReal("", Map.of(), "get", "ippools", "--etcd-endpoints", endpoints(),
                "--etcd-username", root.user(), "--etcd-password", root.password());

        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void wrongPasswordIsReportedAsRefused() {
        CtlRun run = CtlRun.runReal("", Map.of("ETCD_ENDPOINTS", endpoints(),
                "ETCD_USERNAME", root.user(), "ETCD_PASSWORD", "wrong"), "get", "ippools");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("Failed to execute command: ").contains(etcd.endpoints().getFirst())
                .contains("refused").contains("ETCD_USERNAME");
    }
}
