package io.tabby.ctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlRun;
import io.tabby.ctl.TestManifests;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tabbyctl against a real etcd: what it writes is exactly what etcdctl and Calico's readers expect. */
@RealEtcd
class TabbyctlEtcdIT {

    @TempDir
    Path dir;

    private final EtcdServer etcd;
    private final Map<String, String> env;

    TabbyctlEtcdIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.env = Map.of("ETCD_ENDPOINTS", String.join(",", etcd.endpoints()));
    }

    @BeforeEach
    void emptyKeyspace() {
        etcd.etcdctl("del", "--prefix", "/calico");
    }

    private CtlRun tabbyctl(String... args) {
        CtlRun run = CtlRun.runReal("", env, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void v1PoolWithIpipAndNatLandsAsCalicoV1Json() throws IOException {
        Path pool = Files.writeString(dir.resolve("pool.yaml"), TestManifests.V1_POOL);

        assertThat(tabbyctl("apply", "-f", pool.toString()).out())
                .isEqualTo("Successfully applied 1 'IPPool' resource(s)\n");

        assertThat(etcd.etcdctl("get", "/calico/v1/ipam/v4/pool/192.168.0.0-16", "--print-value-only"))
                .isEqualTo("{\"cidr\":\"192.168.0.0/16\",\"ipip\":\"tunl0\",\"masquerade\":true,\"ipam\":true,\"disabled\":false}\n");
    }

    @Test
    void nodesWideShowsTheInheritedAsFromEtcd() throws IOException {
        Path bgp = Files.writeString(dir.resolve("bgp.yaml"), TestManifests.BGP);
        tabbyctl("apply", "-f", bgp.toString());

        assertThat(tabbyctl("get", "nodes", "-o", "wide").out()).isEqualTo("""
                NAME    ASN       IPV4           IPV6        \s
                node1   (64600)   10.0.2.15/24               \s
                node2   64513     10.0.2.10/32   fd00::2/64  \s

                """);
        assertThat(etcd.etcdctl("get", "/calico/bgp/v1/global/as_num", "--print-value-only")).isEqualTo("64600\n");
    }

    @Test
    void flagWinsOverEnvironment() throws IOException {
        Path pool = Files.writeString(dir.resolve("pool.yaml"), TestManifests.V1_POOL);

        CtlRun run = CtlRun.runReal("", Map.of("ETCD_ENDPOINTS", "http://127.0.0.1:1"),
                "apply", "-f", pool.toString(), "--etcd-endpoints", String.join(",", etcd.endpoints()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(etcd.etcdctl("get", "--prefix", "/calico/v1/ipam", "--keys-only")).contains("192.168.0.0-16");
    }

    @Test
    void dryRunWritesNothingToEtcd() throws IOException {
        Path pool = Files.writeString(dir.resolve("pool.yaml"), TestManifests.V1_POOL);

        assertThat(tabbyctl("apply", "--dry-run", "-f", pool.toString()).out())
                .contains("/calico/v1/ipam/v4/pool/192.168.0.0-16");

        assertThat(etcd.etcdctl("get", "--prefix", "/calico", "--keys-only")).isBlank();
    }

    @Test
    void versionReportsReachableEtcd() {
        assertThat(tabbyctl("version").out()).contains("Etcd Reachable:    yes (revision ");
    }
}
