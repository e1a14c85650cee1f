package io.tabby.ipam.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockReleaserTest {

    private static final Map<String, String> A = Map.of("pod", "a");
    private static final Map<String, String> B = Map.of("pod", "b");
    private static final Map<String, String> C = Map.of("pod", "c");

    /** Ordinals 0,1 to h1; 2 to h2; 3 to h3. */
    private static AllocationBlock threeOwners() {
        AllocationBlock block = AllocationBlock.empty(Cidr.parse("fd00::/125"), "n1");
        block = BlockAllocator.allocate(block, 2, "h1", A).block();
        block = BlockAllocator.allocate(block, 1, "h2", B).block();
        return BlockAllocator.allocate(block, 1, "h3", C).block();
    }

    @Test
    void releaseAppendsToTheFreeListAndCountsPerHandle() {
        Release release = BlockReleaser.release(threeOwners(), List.of(1, 3, 6));
        assertThat(release.freed()).containsExactly(1, 3);
        assertThat(release.notAllocated()).containsExactly(6);
        assertThat(release.freedPerHandle()).isEqualTo(Map.of("h1", 1, "h3", 1));
        assertThat(release.block().unallocated()).containsExactly(4, 5, 6, 7, 1, 3);
    }

    @Test
    void lastUserGoneRemovesTheEntryAndCompactsIndices() {
        Release release = BlockReleaser.releaseHandle(threeOwners(), "h2");
        AllocationBlock block = release.block();
        assertThat(block.attributes()).containsExactly(new AllocationAttribute("h1", A), new AllocationAttribute("h3", C));
        assertThat(block.allocations()).containsExactly(0, 0, null, 1, null, null, null, null);
        assertThat(BlockQueries.countsByHandle(block)).isEqualTo(Map.of("h1", 2, "h3", 1));
    }

    @Test
    void releasingEverythingEmptiesTheBlock() {
        AllocationBlock block = threeOwners();
        Release release = BlockReleaser.release(block, BlockQueries.allocatedOrdinals(block));
        assertThat(BlockQueries.isEmpty(release.block())).isTrue();
        assertThat(release.block().attributes()).isEmpty();
        assertThat(release.block().unallocated()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void releasingNothingAllocatedLeavesTheBlockAsItWas() {
        AllocationBlock block = threeOwners();
        Release release = BlockReleaser.release(block, List.of(7));
        assertThat(release.block()).isEqualTo(block);
        assertThat(release.freed()).isEmpty();
    }
}
