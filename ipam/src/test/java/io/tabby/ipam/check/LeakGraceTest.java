package io.tabby.ipam.check;

import static io.tabby.ipam.check.SnapshotBuilder.blockWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.check.IpamProblem.LeakedAddress;
import io.tabby.ipam.check.RepairAction.Outcome;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.ipam.impl.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An address assigned moments ago without its endpoint yet is an ADD in flight, not a leak. */
class LeakGraceTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final LeakGrace TEN_MINUTES =
            new LeakGrace(Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, String> assignedAt(Instant at) {
        return AllocationAttributes.workload("default", "p", "n1", "c1", at);
    }

    private static IpamSnapshot oneAllocation(Map<String, String> attributes) {
        return new SnapshotBuilder().node("n1").affinity("n1", "10.0.0.0/26", AffinityState.CONFIRMED)
                .block(blockWith("10.0.0.0/26", "n1", "h1", 1, attributes)).handle("h1", "10.0.0.0/26", 1).build();
    }

    @Test
    void aYoungAllocationIsNoLeakAnOldOneIs() {
        IpamReport young = IpamChecker.check(oneAllocation(assignedAt(NOW.minusSeconds(30))), TEN_MINUTES);
        assertThat(young.isClean()).isTrue();
        assertThat(young.inGrace()).containsExactly(IpAddr.parse("10.0.0.0"));
        assertThat(IpamChecker.check(oneAllocation(assignedAt(NOW.minus(Duration.ofMinutes(11)))), TEN_MINUTES)
                .of(LeakedAddress.class)).hasSize(1);
    }

    @Test
    void withoutAUsableTimestampTheAllocationIsJudgedAtOnce() {
        assertThat(IpamChecker.check(oneAllocation(Map.of("node", "n1")), TEN_MINUTES).of(LeakedAddress.class))
                .hasSize(1);
        assertThat(IpamChecker.check(oneAllocation(Map.of("timestamp", "soon")), TEN_MINUTES)
                .of(LeakedAddress.class)).hasSize(1);
        // A clock far ahead must not hide a leak for ever.
        assertThat(IpamChecker.check(oneAllocation(assignedAt(NOW.plus(Duration.ofDays(1)))), TEN_MINUTES)
                .of(LeakedAddress.class)).hasSize(1);
    }

    @Test
    void noGraceJudgesEveryAllocationAtOnce() {
        assertThat(IpamChecker.check(oneAllocation(assignedAt(Instant.now())), LeakGrace.none())
                .of(LeakedAddress.class)).hasSize(1);
    }

    @Test
    void theDefaultCheckUsesTenMinutes() {
        assertThat(LeakGrace.standard().period()).isEqualTo(Duration.ofMinutes(10));
        assertThat(IpamChecker.check(oneAllocation(assignedAt(Instant.now()))).isClean()).isTrue();
    }

    @Test
    void repairNeverReleasesAnAddressStillInGraceEvenFromAReportWithoutGrace() {
        InMemoryBackend backend = new InMemoryBackend();
        Fixtures.pool(backend, "10.0.0.0/24");
        DatastoreIpam ipam = new DatastoreIpam(backend);
        IpAddr inFlight = ipam.autoAssign(AssignRequest.of(1, 0, "h1", assignedAt(Instant.now()), "n1"))
                .ipv4().getFirst();
        SnapshotReader reader = new SnapshotReader(backend);
        IpamReport withoutGrace = IpamChecker.check(reader.read(), LeakGrace.none());
        assertThat(withoutGrace.of(LeakedAddress.class)).extracting(LeakedAddress::address).containsExactly(inFlight);

        List<RepairAction> actions = new IpamRepair(backend).repair(withoutGrace, false);

        assertThat(actions).extracting(RepairAction::outcome).containsExactly(Outcome.SKIPPED);
        assertThat(ipam.ipsByHandle("h1")).containsExactly(inFlight);
        assertThat(new IpamRepair(backend, LeakGrace.none()).repair(withoutGrace, false))
                .extracting(RepairAction::outcome).containsExactly(Outcome.FIXED);
        assertThat(ipam.ipsByHandle("h1")).isEmpty();
    }

    @Test
    void nodeGcKeepsAnAddressInGrace() {
        InMemoryBackend backend = new InMemoryBackend();
        Fixtures.pool(backend, "10.0.0.0/24");
        DatastoreIpam ipam = new DatastoreIpam(backend);
        IpAddr young = ipam.autoAssign(AssignRequest.of(1, 0, "h1", assignedAt(Instant.now()), "n1")).ipv4().getFirst();

        GcResult gc = new NodeGc(backend).releaseNode("n1");

        assertThat(gc.releasedAddresses()).isEmpty();
        assertThat(ipam.ipsByHandle("h1")).containsExactly(young);
        assertThat(new NodeGc(backend, LeakGrace.none()).releaseNode("n1").releasedAddresses()).containsExactly(young);
    }
}
