package io.tabby.ipam.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockAllocatorTest {

    private static final Map<String, String> POD_A = Map.of("node", "n1", "pod", "a");
    private static final Map<String, String> POD_B = Map.of("node", "n1", "pod", "b");

    private final AllocationBlock fresh = AllocationBlock.empty(Cidr.parse("10.0.0.0/29"), "n1");

    @Test
    void allocationPopsFromTheFrontAndSharesTheAttributeEntry() {
        Allocation first = BlockAllocator.allocate(fresh, 2, "h1", POD_A);
        assertThat(first.ordinals()).containsExactly(0, 1);
        Allocation second = BlockAllocator.allocate(first.block(), 1, "h1", POD_A);
        Allocation third = BlockAllocator.allocate(second.block(), 1, "h2", POD_B);

        AllocationBlock block = third.block();
        assertThat(block.allocations()).containsExactly(0, 0, 0, 1, null, null, null, null);
        assertThat(block.unallocated()).containsExactly(4, 5, 6, 7);
        assertThat(block.attributes()).containsExactly(
                new AllocationAttribute("h1", POD_A), new AllocationAttribute("h2", POD_B));
        assertThat(fresh.unallocated()).hasSize(8);
    }

    @Test
    void allocationStopsWhenTheBlockIsFull() {
        Allocation all = BlockAllocator.allocate(fresh, 10, "h1", null);
        assertThat(all.ordinals()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(BlockAllocator.allocate(all.block(), 1, "h2", null).ordinals()).isEmpty();
        assertThat(BlockQueries.freeCount(all.block())).isZero();
    }

    @Test
    void assigningOneOrdinalRemovesItFromTheFreeList() {
        AllocationBlock block = BlockAllocator.assign(fresh, 5, "h1", POD_A);
        assertThat(block.unallocated()).containsExactly(0, 1, 2, 3, 4, 6, 7);
        assertThat(BlockQueries.ordinalsOf(block, "h1")).containsExactly(5);
        assertThatThrownBy(() -> BlockAllocator.assign(block, 5, "h2", POD_B))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("10.0.0.5");
    }
}
