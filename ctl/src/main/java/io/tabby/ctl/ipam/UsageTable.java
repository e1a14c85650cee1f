package io.tabby.ctl.ipam;

import io.tabby.ctl.ipam.IpamUsage.BlockUsage;
import io.tabby.ctl.ipam.IpamUsage.PoolUsage;
import io.tabby.ctl.table.BoxTable;
import java.util.ArrayList;
import java.util.List;

/**
 * calicoctl v3's {@code ipam show} table: {@code GROUPING | CIDR | IPS TOTAL | IPS IN USE |
 * IPS FREE}, one {@code IP Pool} row per pool and, with blocks, a {@code Block} row per block
 * after its pool. Counts are printed as Go's {@code %.5g}, shares as whole percentages. Blocks in
 * no pool have no pool row; they show up as blocks only.
 */
public final class UsageTable {

    private static final BoxTable TABLE =
            new BoxTable(List.of("GROUPING", "CIDR", "IPS TOTAL", "IPS IN USE", "IPS FREE"));

    private UsageTable() {}

    public static String render(List<PoolUsage> usage, boolean showBlocks) {
        List<List<String>> rows = new ArrayList<>();
        for (PoolUsage pool : usage) {
            pool.pool().ifPresent(cidr -> rows.add(row("IP Pool", cidr.toString(), pool.inUse(), pool.capacity())));
            if (showBlocks) {
                for (BlockUsage block : pool.blocks()) {
                    rows.add(row("Block", block.block().toString(), block.inUse(), block.capacity()));
                }
            }
        }
        return TABLE.render(rows);
    }

    private static List<String> row(String grouping, String cidr, double inUse, double capacity) {
        double free = capacity - inUse;
        return List.of(grouping, cidr, GoNumbers.significant(capacity, 5),
                GoNumbers.significant(inUse, 5) + " (" + GoNumbers.whole(100 * inUse / capacity) + "%)",
                GoNumbers.significant(free, 5) + " (" + GoNumbers.whole(100 * free / capacity) + "%)");
    }
}
