package io.tabby.ipam.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.testing.CountingBackend;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.PoolExhaustedException;
import io.tabby.ipam.block.BlockQueries;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node whose cached affine blocks are full claims the next block without the full algorithm's
 * reads. Each case checks the round trips of the usual claim, or makes the cache stale in one way
 * and checks the claim decides as the full algorithm would on a fresh read.
 */
class DatastoreIpamClaimTest {

    private static final Cidr POOL = Cidr.parse("10.0.0.0/24");
    /** Blocks of four addresses: a few assignments fill one. */
    private static final int BLOCK = 30;

    private final InMemoryBackend backend = new InMemoryBackend();
    private final CountingBackend counted = new CountingBackend(backend);
    private final DatastoreIpam ipam = new DatastoreIpam(counted);
    private final DatastoreIpam other = new DatastoreIpam(backend);
    /** n1's blocks in the order it claims them. */
    private final List<Cidr> walk = new ArrayList<>();

    private static AssignRequest request(String handle, String node) {
        return AssignRequest.of(1, 0, handle, AllocationAttributes.workload("default", handle, node, handle), node);
    }

    @BeforeEach
    void aPoolOfSmallBlocks() {
        Fixtures.pool(backend, POOL.toString(), BLOCK, false, null);
        Iterator<Cidr> blocks = BlockWalk.blocksOf(POOL, BLOCK, "n1");
        for (int i = 0; i < 4; i++) {
            walk.add(blocks.next());
        }
    }

    /** Assigns h0..h3 on n1: its first block, full. */
    private void fillFirstBlock() {
        for (int i = 0; i < 4; i++) {
            assertThat(walk.getFirst().contains(ipam.autoAssign(request("h" + i, "n1")).ipv4().getFirst())).isTrue();
        }
    }

    @Test
    void claimingTheNextBlockCostsThreeWritesBesideTheAssignment() {
        fillFirstBlock();
        long before = counted.requests();

        IpAddr got = ipam.autoAssign(request("h4", "n1")).ipv4().getFirst();

        // pending affinity, block, confirmed affinity, then the one assignment transaction
        assertThat(counted.requests() - before).isEqualTo(4L);
        assertThat(walk.get(1).contains(got)).isTrue();
        assertThat(Fixtures.get(backend, new BlockAffinityKey("n1", walk.get(1))).effectiveState())
                .isEqualTo(AffinityState.CONFIRMED);
        AllocationBlock claimed = Fixtures.get(backend, new BlockKey(walk.get(1)));
        assertThat(claimed.affineNode()).isEqualTo("n1");
        assertThat(BlockQueries.ordinalsOf(claimed, "h4")).hasSize(1);
        assertThat(Fixtures.get(backend, new IpamHandleKey("h4"))).isEqualTo(IpamHandle.of(Map.of(walk.get(1), 1)));

        long next = counted.requests();
        assertThat(walk.get(1).contains(ipam.autoAssign(request("h5", "n1")).ipv4().getFirst())).isTrue();
        assertThat(counted.requests() - next).isEqualTo(1L);
    }

    @Test
    void aFullBlockFreedByAnotherProcessIsUsedBeforeAnyClaim() {
        fillFirstBlock();
        IpAddr freed = other.ipsByHandle("h1").getFirst();
        other.releaseByHandle("h1");

        IpAddr got = ipam.autoAssign(request("h4", "n1")).ipv4().getFirst();

        assertThat(got).isEqualTo(freed);
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(1);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(1);
        assertThat(Fixtures.get(backend, new IpamHandleKey("h4"))).isEqualTo(IpamHandle.of(Map.of(walk.getFirst(), 1)));
    }

    @Test
    void aBlockAnotherProcessCreatedIsFoundTakenAndTheNextOneClaimed() {
        fillFirstBlock();
        // n2, in another process, takes the block n1 would claim next: n1's process has not seen it
        other.assignIp(walk.get(1).addressAt(1), "n2-pod", Map.of(), "n2");

        IpAddr got = ipam.autoAssign(request("h4", "n1")).ipv4().getFirst();

        assertThat(walk.get(2).contains(got)).isTrue();
        assertThat(Fixtures.get(backend, new BlockKey(walk.get(1))).affineNode()).isEqualTo("n2");
        assertThat(backend.get(new BlockAffinityKey("n1", walk.get(1)).path())).isEmpty();
        assertThat(ipam.ipsByHandle("n2-pod")).containsExactly(walk.get(1).addressAt(1));
        assertThat(ipam.ipsByHandle("h4")).containsExactly(got);
    }

    @Test
    void autoAllocationTurnedOffAfterTheCacheWasLoadedStopsTheClaim() {
        fillFirstBlock();
        Fixtures.config(backend, false, false, 0);

        assertThatThrownBy(() -> ipam.autoAssign(request("h4", "n1"))).isInstanceOf(PoolExhaustedException.class);
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(1);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(1);
        assertThat(backend.get(new IpamHandleKey("h4").path())).isEmpty();
    }

    @Test
    void aPendingAffinityOfTheNodesOwnBlockIsUsedBeforeANewClaim() {
        DatastoreIpam crashing = new DatastoreIpam(backend, CasRetry.DEFAULT_ATTEMPTS, step -> {
            if (step.equals("block-created")) {
                throw new IllegalStateException("killed");
            }
        });
        assertThatThrownBy(() -> crashing.autoAssign(request("h0", "n1"))).hasMessage("killed");
        BlockAffinityKey affinity = new BlockAffinityKey("n1", walk.getFirst());
        assertThat(Fixtures.get(backend, affinity).effectiveState()).isEqualTo(AffinityState.PENDING);

        IpAddr got = ipam.autoAssign(request("h1", "n1")).ipv4().getFirst();

        assertThat(walk.getFirst().contains(got)).isTrue();
        assertThat(Fixtures.get(backend, affinity).effectiveState()).isEqualTo(AffinityState.CONFIRMED);
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(1);
    }

    @Test
    void manyNodesFillingBlocksInTurnNeverShareAnAddress() {
        List<DatastoreIpam> processes = List.of(ipam, other, new DatastoreIpam(backend));
        List<IpAddr> handedOut = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String node = "n" + (i % 5);
            handedOut.add(processes.get(i % 3).autoAssign(request("p" + i, node)).ipv4().getFirst());
        }

        assertThat(handedOut).doesNotHaveDuplicates();
        for (int i = 0; i < 60; i++) {
            IpAddr address = handedOut.get(i);
            assertThat(other.handleOf(address)).contains("p" + i);
            AllocationBlock block = Fixtures.get(backend, new BlockKey(Cidr.of(address, BLOCK)));
            assertThat(block.affineNode()).isEqualTo("n" + (i % 5));
        }
    }

    @Test
    void aClaimThatFailedPartWayIsFinishedByTheSameProcessBeforeItClaimsAgain() {
        AtomicBoolean crashOnce = new AtomicBoolean(true);
        CountingBackend seen = new CountingBackend(backend);
        DatastoreIpam flaky = new DatastoreIpam(seen, CasRetry.DEFAULT_ATTEMPTS, step -> {
            if (step.equals("block-created") && crashOnce.getAndSet(false)) {
                throw new IllegalStateException("etcd went away");
            }
        });
        assertThatThrownBy(() -> flaky.autoAssign(request("h0", "n1"))).hasMessage("etcd went away");

        IpAddr got = flaky.autoAssign(request("h1", "n1")).ipv4().getFirst();

        assertThat(walk.getFirst().contains(got)).isTrue();
        assertThat(Fixtures.get(backend, new BlockAffinityKey("n1", walk.getFirst())).effectiveState())
                .isEqualTo(AffinityState.CONFIRMED);
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(1);
    }
}
