package io.tabby.ctl.ipam;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;
import io.tabby.ipam.impl.CidrOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many addresses each pool, and each of its blocks, has in use: what {@code ipam show}
 * prints. As Calico counts it, a block's addresses in use are its size minus its
 * {@code unallocated} list, and a pool's are the sum over the blocks that overlap it.
 */
public final class IpamUsage {

    private IpamUsage() {}

    /**
     * One pool and its blocks.
     *
     * @param pool the pool's CIDR; empty for the blocks that are in no pool (their pool was deleted)
     * @param blocks the blocks, in address order
     */
    public record PoolUsage(Optional<Cidr> pool, List<BlockUsage> blocks) {
        public PoolUsage {
            requireNonNull(pool, "pool is null");
            blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
        }

        /** Addresses the pool spans (a double, as Calico reports it: an IPv6 pool's count overflows a long). */
        public double capacity() {
            return pool.map(cidr -> Math.pow(2, cidr.family().bits() - cidr.prefixLength())).orElse(0.0);
        }

        /** Addresses in use in the pool's blocks. */
        public long inUse() {
            return blocks.stream().mapToLong(BlockUsage::inUse).sum();
        }
    }

    /**
     * One block.
     *
     * @param block the block's CIDR
     * @param capacity addresses in the block
     * @param available addresses in its {@code unallocated} list
     */
    public record BlockUsage(Cidr block, int capacity, int available) {
        public BlockUsage {
            requireNonNull(block, "block is null");
            if (available < 0 || available > capacity) {
                throw new IllegalArgumentException("block " + block + " has " + available + " of " + capacity
                        + " addresses available");
            }
        }

        public int inUse() {
            return capacity - available;
        }
    }

    /**
     * Every pool (IPv4 first, each family in address order), then, when some block is in no pool,
     * one entry without a pool for those blocks. A block counts for the first pool it overlaps.
     */
    public static List<PoolUsage> of(Collection<IpPool> pools, Collection<AllocationBlock> blocks) {
        Map<Cidr, List<BlockUsage>> byPool = new LinkedHashMap<>();
        pools.stream().map(IpPool::cidr).sorted(CidrOrder.INSTANCE)
                .forEach(cidr -> byPool.put(cidr, new ArrayList<>()));
        List<BlockUsage> orphans = new ArrayList<>();
        blocks.stream().sorted(Comparator.comparing(AllocationBlock::cidr, CidrOrder.INSTANCE)).forEach(block -> {
            BlockUsage usage = new BlockUsage(block.cidr(), block.allocations().size(), block.unallocated().size());
            byPool.entrySet().stream()
                    .filter(pool -> overlaps(pool.getKey(), block.cidr()))
                    .findFirst()
                    .ifPresentOrElse(pool -> pool.getValue().add(usage), () -> orphans.add(usage));
        });
        List<PoolUsage> usage = new ArrayList<>();
        byPool.forEach((pool, inPool) -> usage.add(new PoolUsage(Optional.of(pool), inPool)));
        if (!orphans.isEmpty()) {
            usage.add(new PoolUsage(Optional.empty(), orphans));
        }
        return usage;
    }

    private static boolean overlaps(Cidr a, Cidr b) {
        return a.contains(b) || b.contains(a);
    }
}
