package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.testing.CountingBackend;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.NoPoolsException;
import io.tabby.ipam.block.BlockQueries;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node snapshot behind one-transaction assignments goes stale whenever another process writes:
 * each case makes it stale one way and checks the next assignment still decides as a fresh read would.
 */
class DatastoreIpamCacheTest {

    private static final String POOL = "10.0.0.0/24";

    private final InMemoryBackend backend = new InMemoryBackend();
    private final CountingBackend counted = new CountingBackend(backend);
    private final DatastoreIpam ipam = new DatastoreIpam(counted);
    private final DatastoreIpam other = new DatastoreIpam(backend);
    private Cidr block;

    private static AssignRequest request(String handle, String node) {
        return AssignRequest.of(1, 0, handle, AllocationAttributes.workload("default", handle, node, handle), node);
    }

    @BeforeEach
    void nodeHasAnAffineBlock() {
        Fixtures.pool(backend, POOL);
        IpAddr first = ipam.autoAssign(request("h0", "n1")).ipv4().getFirst();
        block = Cidr.of(first, 26);
        ipam.autoAssign(request("h1", "n1")); // loads the snapshot
    }

    @Test
    void anAssignmentFromACachedAffineBlockIsOneTransaction() {
        long before = counted.requests();

        IpAddr got = ipam.autoAssign(request("h2", "n1")).ipv4().getFirst();

        assertThat(counted.requests() - before).isEqualTo(1L);
        assertThat(block.contains(got)).isTrue();
        assertThat(Fixtures.get(backend, new IpamHandleKey("h2"))).isEqualTo(IpamHandle.of(Map.of(block, 1)));
        assertThat(BlockQueries.ordinalsOf(Fixtures.get(backend, new BlockKey(block)), "h2")).hasSize(1);
    }

    @Test
    void aReleaseByThisProcessKeepsTheSnapshotCurrent() {
        ipam.releaseByHandle("h1");
        long before = counted.requests();

        ipam.autoAssign(request("h2", "n1"));

        assertThat(counted.requests() - before).isEqualTo(1L);
    }

    @Test
    void aBlockWrittenByAnotherProcessCostsARetryNotADuplicate() {
        IpAddr theirs = other.autoAssign(request("o1", "n1")).ipv4().getFirst();
        other.releaseByHandle("h1");

        IpAddr mine = ipam.autoAssign(request("h2", "n1")).ipv4().getFirst();

        assertThat(mine).isNotEqualTo(theirs);
        AllocationBlock stored = Fixtures.get(backend, new BlockKey(block));
        assertThat(BlockQueries.ordinalsOf(stored, "o1")).hasSize(1);
        assertThat(BlockQueries.ordinalsOf(stored, "h2")).hasSize(1);
        assertThat(BlockQueries.ordinalsOf(stored, "h0")).hasSize(1);
    }

    @Test
    void aDisabledPoolIsNotWrittenThoughTheSnapshotSaysEnabled() {
        Fixtures.pool(backend, POOL, null, true, null);
        long blockRevision = backend.get(new BlockKey(block).path()).orElseThrow().modRevision();

        assertThatThrownBy(() -> ipam.autoAssign(request("h2", "n1"))).isInstanceOf(NoPoolsException.class);
        assertThat(backend.get(new BlockKey(block).path()).orElseThrow().modRevision()).isEqualTo(blockRevision);
        assertThat(backend.get(new IpamHandleKey("h2").path())).isEmpty();
    }

    @Test
    void aDeletedPoolIsNotWrittenThoughTheSnapshotHoldsIt() {
        String poolKey = new IpPoolKey(Cidr.parse(POOL)).path();
        backend.delete(poolKey, backend.get(poolKey).orElseThrow().modRevision());
        long blockRevision = backend.get(new BlockKey(block).path()).orElseThrow().modRevision();

        assertThatThrownBy(() -> ipam.autoAssign(request("h2", "n1"))).isInstanceOf(NoPoolsException.class);
        assertThat(backend.get(new BlockKey(block).path()).orElseThrow().modRevision()).isEqualTo(blockRevision);
    }

    @Test
    void aPoolWhoseSelectorNoLongerSelectsTheNodeIsNotWritten() {
        Fixtures.pool(backend, POOL, null, false, "rack == 'a'");
        Fixtures.put(backend, new HostMetadataKey("n1"), new HostMetadata(Map.of("rack", "a")));
        ipam.autoAssign(request("h2", "n1"));
        Fixtures.put(backend, new HostMetadataKey("n1"), new HostMetadata(Map.of("rack", "b")));

        assertThatThrownBy(() -> ipam.autoAssign(request("h3", "n1"))).isInstanceOf(NoPoolsException.class);
        assertThat(backend.get(new IpamHandleKey("h3").path())).isEmpty();
    }

    @Test
    void aBlockStolenByAnotherNodeIsNotWrittenForThisOne() {
        AllocationBlock stored = Fixtures.get(backend, new BlockKey(block));
        AllocationBlock stolen = new AllocationBlock(stored.cidr(), "host:n2", stored.strictAffinity(),
                stored.allocations(), stored.unallocated(), stored.attributes(), stored.deleted(), stored.unknown());
        Fixtures.put(backend, new BlockKey(block), stolen);
        Fixtures.config(backend, true, true, 0); // strict: n1 may not borrow from n2's block either

        IpAddr got = ipam.autoAssign(request("h2", "n1")).ipv4().getFirst();

        assertThat(block.contains(got)).isFalse();
        assertThat(BlockQueries.ordinalsOf(Fixtures.get(backend, new BlockKey(block)), "h2")).isEmpty();
    }

    @Test
    void aBlockReleasedByGcIsNotWritten() {
        String blockKey = new BlockKey(block).path();
        String affinityKey = new BlockAffinityKey("n1", block).path();
        backend.delete(affinityKey, backend.get(affinityKey).orElseThrow().modRevision());
        backend.delete(blockKey, backend.get(blockKey).orElseThrow().modRevision());

        IpAddr got = ipam.autoAssign(request("h2", "n1")).ipv4().getFirst();

        Cidr now = Cidr.of(got, 26);
        AllocationBlock claimed = Fixtures.get(backend, new BlockKey(now));
        assertThat(claimed.affineNode()).isEqualTo("n1");
        assertThat(BlockQueries.ordinalsOf(claimed, "h2")).hasSize(1);
        assertThat(BlockQueries.ordinalsOf(claimed, "h0")).isEmpty();
    }

    @Test
    void anAffinityRemovedByGcStopsAssignmentsFromItsBlock() {
        String affinityKey = new BlockAffinityKey("n1", block).path();
        backend.delete(affinityKey, backend.get(affinityKey).orElseThrow().modRevision());

        IpAddr got = ipam.autoAssign(request("h2", "n1")).ipv4().getFirst();

        assertThat(block.contains(got)).isFalse();
        assertThat(BlockQueries.ordinalsOf(Fixtures.get(backend, new BlockKey(block)), "h2")).isEmpty();
    }

    @Test
    void anExistingHandleIsAddedToByTheFullAlgorithm() {
        IpAddr second = ipam.autoAssign(request("h1", "n1")).ipv4().getFirst();

        assertThat(ipam.ipsByHandle("h1")).hasSize(2).contains(second);
        assertThat(Fixtures.get(backend, new IpamHandleKey("h1"))).isEqualTo(IpamHandle.of(Map.of(block, 2)));
    }
}
