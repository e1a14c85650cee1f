package io.tabby.ipam.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.check.IpamProblem.BlockAffineToTwoNodes;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import io.tabby.ipam.check.RepairAction.Outcome;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.ipam.impl.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamRepairTest {

    private final InMemoryBackend backend = new InMemoryBackend();
    private final DatastoreIpam ipam = new DatastoreIpam(backend);
    private final SnapshotReader reader = new SnapshotReader(backend);
    private final IpamRepair repair = new IpamRepair(backend);

    private IpAddr podWithEndpoint(String node, String pod) {
        IpAddr address = ipam.autoAssign(AssignRequest.of(1, 0, pod, Map.of("node", node), node)).ipv4().getFirst();
        Fixtures.put(backend, new WorkloadEndpointKey(node, "k8s", "default." + pod, "eth0"),
                WorkloadEndpoint.active("cali" + pod, "ee:ee:ee:ee:ee:ee", List.of(), List.of(Cidr.host(address)),
                        List.of(), Map.of()));
        return address;
    }

    @Test
    void leaksAreReleasedButLiveAddressesStayAndDryRunWritesNothing() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr live = podWithEndpoint("n1", "live");
        IpAddr leaked = ipam.autoAssign(AssignRequest.of(1, 0, "gone", Map.of("node", "n1"), "n1")).ipv4().getFirst();

        IpamReport report = IpamChecker.check(reader.read());
        assertThat(report.of(LeakedAddress.class)).extracting(LeakedAddress::address).containsExactly(leaked);

        long before = backend.currentRevision();
        assertThat(repair.repair(report, true)).extracting(RepairAction::outcome).containsExactly(Outcome.WOULD_FIX);
        assertThat(backend.currentRevision()).isEqualTo(before);

        assertThat(repair.repair(report, false)).extracting(RepairAction::outcome).containsExactly(Outcome.FIXED);
        assertThat(IpamChecker.check(reader.read()).isClean()).isTrue();
        assertThat(ipam.ipsByHandle("live")).containsExactly(live);
        assertThat(backend.get(new IpamHandleKey("gone").path())).isEmpty();
    }

    @Test
    void aStaleReportNeverReleasesAnAddressThatIsInUseAgain() {
        Fixtures.pool(backend, "10.0.0.0/24");
        IpAddr leaked = ipam.autoAssign(AssignRequest.of(1, 0, "p1", Map.of("node", "n1"), "n1")).ipv4().getFirst();
        IpamReport stale = IpamChecker.check(reader.read());
        Fixtures.put(backend, new WorkloadEndpointKey("n1", "k8s", "default.p1", "eth0"),
                WorkloadEndpoint.active("calip1", "ee:ee:ee:ee:ee:ee", List.of(), List.of(Cidr.host(leaked)),
                        List.of(), Map.of()));

        assertThat(repair.repair(stale, false)).extracting(RepairAction::outcome).containsExactly(Outcome.SKIPPED);
        assertThat(ipam.ipsByHandle("p1")).containsExactly(leaked);
    }

    @Test
    void handlesAffinitiesAndBlocksAreMadeConsistent() {
        Fixtures.pool(backend, "10.0.0.0/26");
        podWithEndpoint("n1", "p1");
        Cidr block = Cidr.parse("10.0.0.0/26");
        Fixtures.put(backend, new IpamHandleKey("p1"), IpamHandle.of(Map.of(block, 5)));
        Fixtures.put(backend, new BlockAffinityKey("n2", Cidr.parse("10.0.1.64/26")),
                BlockAffinity.of(AffinityState.PENDING));
        Fixtures.put(backend, new BlockKey(Cidr.parse("10.0.1.128/26")),
                AllocationBlock.empty(Cidr.parse("10.0.1.128/26"), "n1"));
        Fixtures.put(backend, new BlockKey(Cidr.parse("10.0.1.192/26")),
                AllocationBlock.empty(Cidr.parse("10.0.1.192/26"), "removed"));

        IpamReport report = IpamChecker.check(reader.read());
        assertThat(report.problems()).hasSize(4);
        assertThat(repair.repair(report, false)).extracting(RepairAction::outcome).containsOnly(Outcome.FIXED);

        assertThat(IpamChecker.check(reader.read()).problems()).isEmpty();
        assertThat(Fixtures.get(backend, new IpamHandleKey("p1"))).isEqualTo(IpamHandle.of(Map.of(block, 1)));
        assertThat(backend.get(new BlockKey(Cidr.parse("10.0.1.192/26")).path())).isEmpty();
    }

    @Test
    void twoNodesOnOneBlockIsLeftForAnOperator() {
        Fixtures.pool(backend, "10.0.0.0/26");
        podWithEndpoint("n1", "p1");
        Fixtures.put(backend, new BlockAffinityKey("n2", Cidr.parse("10.0.0.0/26")),
                BlockAffinity.of(AffinityState.CONFIRMED));

        IpamReport report = IpamChecker.check(reader.read());
        List<RepairAction> actions = repair.repair(report, false);

        assertThat(actions).filteredOn(a -> a.problem() instanceof BlockAffineToTwoNodes)
                .extracting(RepairAction::outcome).containsExactly(Outcome.NOT_FIXED);
    }
}
