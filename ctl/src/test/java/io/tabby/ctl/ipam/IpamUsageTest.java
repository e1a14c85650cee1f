package io.tabby.ctl.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.ctl.ipam.IpamUsage.BlockUsage;
import io.tabby.ctl.ipam.IpamUsage.PoolUsage;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.ipam.block.BlockAllocator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpamUsageTest {

    private static AllocationBlock block(String cidr, int used) {
        AllocationBlock block = AllocationBlock.empty(Cidr.parse(cidr), "node1");
        for (int ordinal = 0; ordinal < used; ordinal++) {
            block = BlockAllocator.assign(block, ordinal, "h", Map.of());
        }
        return block;
    }

    @Test
    void blocksCountForTheirPoolAndPoolsComeIpv4FirstInAddressOrder() {
        List<PoolUsage> usage = IpamUsage.of(
                List.of(IpPool.of(Cidr.parse("fd00::/64")), IpPool.of(Cidr.parse("10.0.8.0/24")),
                        IpPool.of(Cidr.parse("10.0.0.0/24"))),
                List.of(block("10.0.0.64/26", 3), block("fd00::/122", 1), block("10.0.0.0/26", 2),
                        block("192.168.0.0/26", 5)));

        assertThat(usage).extracting(PoolUsage::pool).containsExactly(Optional.of(Cidr.parse("10.0.0.0/24")),
                Optional.of(Cidr.parse("10.0.8.0/24")), Optional.of(Cidr.parse("fd00::/64")), Optional.empty());
        assertThat(usage.getFirst().blocks()).containsExactly(new BlockUsage(Cidr.parse("10.0.0.0/26"), 64, 62),
                new BlockUsage(Cidr.parse("10.0.0.64/26"), 64, 61));
        assertThat(usage.getFirst().inUse()).isEqualTo(5);
        assertThat(usage.getFirst().capacity()).isEqualTo(256.0);
        assertThat(usage.get(1).blocks()).isEmpty();
        assertThat(usage.get(2).capacity()).isEqualTo(Math.pow(2, 64));
        assertThat(usage.get(3).blocks()).extracting(BlockUsage::inUse).containsExactly(5);
    }

    @Test
    void noOrphanEntryWhenEveryBlockHasItsPool() {
        assertThat(IpamUsage.of(List.of(IpPool.of(Cidr.parse("10.0.0.0/24"))), List.of(block("10.0.0.0/26", 1))))
                .hasSize(1);
    }

    @Test
    void tableShowsOrphanedBlocksOnlyWithBlocks() {
        List<PoolUsage> usage = IpamUsage.of(List.of(), List.of(block("192.168.0.0/26", 64)));

        assertThat(UsageTable.render(usage, false)).doesNotContain("192.168.0.0/26");
        assertThat(UsageTable.render(usage, true)).contains("| Block    | 192.168.0.0/26 |        64 | 64 (100%)  | 0 (0%)   |");
    }
}
