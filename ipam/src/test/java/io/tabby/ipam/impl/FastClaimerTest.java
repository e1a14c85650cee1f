package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.testing.CountingBackend;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node with more full blocks than the claim's transaction compares: the rest are compared just
 * before, and a change among them stops the claim as one among the compared blocks would.
 */
class FastClaimerTest {

    private static final int BLOCKS = 5;
    private static final int GUARDED = 2;

    private final InMemoryBackend backend = new InMemoryBackend();
    private final CountingBackend counted = new CountingBackend(backend);
    private final DatastoreIpam filler = new DatastoreIpam(backend);
    private final IpamStore store = new IpamStore(counted);
    private final NodeSnapshots snapshots = new NodeSnapshots(store);
    private final FastClaimer claimer = new FastClaimer(store,
            new BlockClaimer(store, new CasRetry(CasRetry.DEFAULT_ATTEMPTS), Checkpoint.NONE), snapshots, GUARDED);
    private NodeSnapshot snapshot;

    @BeforeEach
    void nodeWithFiveFullBlocks() {
        Fixtures.pool(backend, "10.0.0.0/24", 30, false, null);
        for (int i = 0; i < BLOCKS * 4; i++) {
            filler.autoAssign(AssignRequest.of(1, 0, "h" + i,
                    AllocationAttributes.workload("default", "h" + i, "n1", "h" + i), "n1"));
        }
        snapshot = snapshots.get("n1");
        assertThat(snapshot.blocks().get(IpFamily.V4)).hasSize(BLOCKS);
        snapshots.knownBlocks(IpFamily.V4);
    }

    @Test
    void theBlocksBeyondTheClaimsOwnComparesAreComparedJustBefore() {
        long before = counted.requests();

        FastClaimer.Outcome outcome = claimer.claim("n1", IpFamily.V4, 1, snapshot.pools(), snapshot);

        assertThat(outcome).isInstanceOf(FastClaimer.Outcome.Claimed.class);
        // three surplus blocks in compare-only transactions of two, then pending, block, confirm
        assertThat(counted.requests() - before).isEqualTo(2L + 3L);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(BLOCKS + 1);
    }

    @Test
    void roomFreedInABlockComparedBeforeTheClaimStopsIt() {
        Cidr lowest = snapshot.blocks().get(IpFamily.V4).getFirst().cidr();
        assertThat(filler.releaseIps(Set.of(lowest.addressAt(1)))).isEmpty();

        FastClaimer.Outcome outcome = claimer.claim("n1", IpFamily.V4, 1, snapshot.pools(), snapshot);

        assertThat(outcome).isInstanceOf(FastClaimer.Outcome.Stale.class);
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(BLOCKS);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(BLOCKS);
    }

    @Test
    void roomFreedInABlockTheClaimComparesStopsIt() {
        Cidr highest = snapshot.blocks().get(IpFamily.V4).getLast().cidr();
        assertThat(filler.releaseIps(Set.of(highest.addressAt(1)))).isEmpty();

        FastClaimer.Outcome outcome = claimer.claim("n1", IpFamily.V4, 1, snapshot.pools(), snapshot);

        assertThat(outcome).isInstanceOf(FastClaimer.Outcome.Stale.class);
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(BLOCKS);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(BLOCKS);
    }
}
