package io.tabby.ctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlRun;
import io.tabby.ctl.PolicyManifests;
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

/**
 * The policy kinds through tabbyctl against a real etcd: apply, get, label and delete of each kind,
 * checked with etcdctl at the v1 keys felix reads.
 */
@RealEtcd
class TabbyctlPolicyIT {
    private static final String POLICY = "/calico/v1/policy/tier/default/policy/";
    private static final String WEP = "/calico/v1/host/node1/workload/k8s/shop.web-1/endpoint/eth0";

    @TempDir
    Path dir;

    private final EtcdServer etcd;
    private final Map<String, String> env;

    TabbyctlPolicyIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.env = Map.of("ETCD_ENDPOINTS", String.join(",", etcd.endpoints()));
    }

    @BeforeEach
    void applyEveryKind() throws IOException {
        etcd.etcdctl("del", "--prefix", "/calico");
        Path file = Files.writeString(dir.resolve("policies.yaml"), PolicyManifests.POLICIES);
        assertThat(tabbyctl("apply", "-f", file.toString()).out()).isEqualTo("Successfully applied 7 resource(s)\n");
    }

    private CtlRun tabbyctl(String... args) {
        CtlRun run = CtlRun.runReal("", env, args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private String value(String key) {
        return etcd.etcdctl("get", key, "--print-value-only");
    }

    @Test
    void everyKindLandsAtItsV1KeyAndReadsBack() {
        assertThat(value(POLICY + "shop%2fallow-web")).isEqualTo("{\"order\":100,\"inbound_rules\":[{\"action\":"
                + "\"allow\",\"protocol\":\"tcp\",\"src_selector\":\"(projectcalico.org/namespace == 'shop') \\u0026\\u0026"
                + " (role == 'frontend')\",\"dst_ports\":[80,\"8000:8080\"]}],\"selector\":\"(app == 'web') \\u0026\\u0026"
                + " projectcalico.org/namespace == 'shop'\",\"apply_on_forward\":true,\"types\":[\"ingress\"]}\n");
        assertThat(value(POLICY + "allow-dns")).isEqualTo("{\"order\":10.5,\"outbound_rules\":[{\"action\":\"allow\","
                + "\"protocol\":\"udp\",\"dst_ports\":[53]}],\"selector\":\"has(dns-client)\",\"types\":[\"egress\"]}\n");
        assertThat(value("/calico/v1/policy/profile/kns.shop/labels"))
                .isEqualTo("{\"pcns.projectcalico.org/name\":\"shop\",\"pcns.team\":\"a\"}\n");
        assertThat(value("/calico/v1/host/node1/endpoint/node1-eth0")).isEqualTo("{\"name\":\"eth0\","
                + "\"expected_ipv4_addrs\":[\"10.0.2.15\"],\"labels\":{\"role\":\"edge\"},\"profile_ids\":[\"kns.shop\"]}\n");
        assertThat(value(WEP)).startsWith("{\"state\":\"active\",\"name\":\"cali0123456789a\"");

        assertThat(tabbyctl("get", "wep", "-A").out()).isEqualTo("""
                NAMESPACE   WORKLOAD   NODE    NETWORKS         INTERFACE        \s
                batch       job-7      node2   192.168.2.7/32   cali4f1c2d00000  \s
                shop        web-1      node1   192.168.1.5/32   cali0123456789a  \s

                """);
        assertThat(tabbyctl("get", "gnp", "allow-dns", "-o", "yaml").out()).contains("order: 10.5", "- Egress");
        assertThat(tabbyctl("get", "hep", "-o", "wide").out()).contains("node1-eth0   node1   eth0        10.0.2.15");
    }

    @Test
    void labelIsACompareAndSwapOfTheEndpointKey() throws IOException {
        tabbyctl("apply", "-f", Files.writeString(dir.resolve("nodes.yaml"), TestManifests.BGP).toString());
        String before = etcd.etcdctl("get", WEP, "-w", "fields");

        assertThat(tabbyctl("label", "wep", "node1-k8s-web--1-eth0", "-n", "shop", "tier=gold").out())
                .isEqualTo("Successfully set label tier on wep node1-k8s-web--1-eth0\n");
        assertThat(tabbyctl("label", "nodes", "node1", "rack=r1").out())
                .isEqualTo("Successfully set label rack on nodes node1\n");
        assertThat(tabbyctl("label", "namespaces", "shop", "env=prod").out())
                .isEqualTo("Successfully set label env on namespaces shop\n");

        assertThat(value(WEP)).contains("\"labels\":{\"app\":\"web\",\"projectcalico.org/namespace\":\"shop\","
                + "\"projectcalico.org/orchestrator\":\"k8s\",\"tier\":\"gold\"}");
        assertThat(value("/calico/v1/host/node1/metadata")).isEqualTo("{\"labels\":{\"rack\":\"r1\"}}\n");
        assertThat(value("/calico/v1/policy/profile/kns.shop/labels"))
                .isEqualTo("{\"pcns.env\":\"prod\",\"pcns.projectcalico.org/name\":\"shop\",\"pcns.team\":\"a\"}\n");
        assertThat(etcd.etcdctl("get", WEP, "-w", "fields")).isNotEqualTo(before);
    }

    @Test
    void deleteRemovesEachKindsKeys() {
        tabbyctl("delete", "networkpolicy", "allow-web", "-n", "shop");
        tabbyctl("delete", "gnp", "allow-dns");
        tabbyctl("delete", "profile", "kns.shop");
        tabbyctl("delete", "hep", "node1-eth0");
        tabbyctl("delete", "wep", "node1-k8s-web--1-eth0", "-n", "shop");
        tabbyctl("delete", "wep", "node2-k8s-job--7-eth0", "-n", "batch");
        tabbyctl("delete", "np", "default-deny", "-n", "batch");

        assertThat(etcd.etcdctl("get", "--prefix", "/calico/v1", "--keys-only")).isBlank();
    }
}
