package io.tabby.ctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.CtlRun;
import io.tabby.ctl.ExitCodes;
import io.tabby.ctl.IpamFixture;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Addresses assigned through DatastoreIpam into a real etcd, then shown, checked and released by tabbyctl. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TabbyctlIpamIT {

    private final EtcdServer etcd;
    private final Backend backend;
    private final Map<String, String> env;

    TabbyctlIpamIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3)));
        this.env = Map.of("ETCD_ENDPOINTS", String.join(",", etcd.endpoints()));
    }

    @AfterAll
    void close() {
        backend.close();
    }

    @BeforeEach
    void emptyKeyspace() {
        backend.commit(List.of(TxnOp.deletePrefix("/calico/")));
    }

    private CtlRun tabbyctl(String... args) {
        return CtlRun.runReal("", env, args);
    }

    @Test
    void showCountsWhatDatastoreIpamAssigned() {
        IpamFixture ipam = new IpamFixture(backend).pool("10.0.0.0/24").pool("fd00:1::/64").node("node1");
        AssignResult podA = ipam.pod("node1", "pod-a", 2, 1);
        ipam.pod("node1", "pod-b", 1, 0);

        CtlRun run = tabbyctl("ipam", "show", "--show-blocks");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("| IP Pool  | 10.0.0.0/24 ", "|        256 | 3 (1%)     | 253 (99%)         |",
                "| IP Pool  | fd00:1::/64 ", "| 1.8447e+19 | 1 (0%)     | 1.8447e+19 (100%) |");
        assertThat(run.out().lines().filter(line -> line.startsWith("| Block "))).hasSize(2);

        CtlRun ip = tabbyctl("ipam", "show", "--ip=" + podA.ipv6().getFirst());
        assertThat(ip.out()).as(ip.toString()).startsWith("IP " + podA.ipv6().getFirst() + " is in use\nHandle: "
                + IpamFixture.handle("pod-a") + "\n").contains("  pod: pod-a\n");
        assertThat(tabbyctl("ipam", "check").exitCode()).isZero();
    }

    @Test
    void releaseFreesTheAddressInEtcd() {
        IpamFixture ipam = new IpamFixture(backend).pool("10.0.0.0/24").node("node1");
        List<IpAddr> addresses = ipam.assign("node1", "gone", 2, 0).ipv4();
        IpAddr released = addresses.getFirst();
        String handleKey = "/calico/ipam/v2/handle/" + IpamFixture.handle("gone");
        assertThat(etcd.etcdctl("get", handleKey, "--print-value-only")).contains("\":2}");

        CtlRun run = tabbyctl("ipam", "release", "--ip=" + released);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Successfully released IP address " + released + "\n");
        assertThat(etcd.etcdctl("get", handleKey, "--print-value-only")).contains("\":1}");
        assertThat(new DatastoreIpam(backend).ipsByHandle(IpamFixture.handle("gone"))).containsExactly(addresses.get(1));
        assertThat(tabbyctl("ipam", "show", "--ip=" + released).out()).isEqualTo("IP " + released + " is not assigned\n");

        CtlRun again = tabbyctl("ipam", "release", "--ip=" + released);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).startsWith("IP address " + released + " is not assigned; nothing was released.");
    }

    @Test
    void checkFixReleasesLeaksInEtcd() {
        IpamFixture ipam = new IpamFixture(backend).pool("10.0.0.0/24").node("node1");
        ipam.pod("node1", "pod-a", 1, 0);
        ipam.assign("node1", "gone", 1, 0);

        assertThat(tabbyctl("ipam", "check").exitCode()).isEqualTo(ExitCodes.FAILURE);
        CtlRun fix = tabbyctl("ipam", "check", "--fix");

        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(etcd.etcdctl("get", "/calico/ipam/v2/handle/" + IpamFixture.handle("gone"))).isBlank();
    }
}
