package io.tabby.ctl.ipam;

import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.ipam.block.BlockQueries;
import io.tabby.ipam.check.IpamProblem;
import io.tabby.ipam.check.IpamReport;
import io.tabby.ipam.check.LeakGrace;
import io.tabby.ipam.check.IpamSnapshot;
import io.tabby.ipam.check.RepairAction;
import io.tabby.ipam.check.RepairAction.Outcome;
import io.tabby.ipam.impl.CidrOrder;
import io.tabby.ipam.impl.Versioned;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code ipam check}: calicoctl's progress lines and closing
 * {@code Check complete; found <n> problems.}, every problem on its own line, and what repair
 * did (or, in a dry run, would do) about each.
 */
public final class CheckPrinter {

    private CheckPrinter() {}

    /** What was read, each problem found, and the summary line. */
    public static String scan(IpamSnapshot snapshot, IpamReport report) {
        StringBuilder out = new StringBuilder("Checking IPAM for inconsistencies...\n\n");
        out.append("Loading all IPAM blocks...\n");
        out.append("Found ").append(snapshot.blocks().size()).append(" IPAM blocks.\n");
        List<AllocationBlock> blocks = snapshot.blocks().values().stream().map(Versioned::value)
                .sorted(Comparator.comparing(AllocationBlock::cidr, CidrOrder.INSTANCE)).toList();
        int allocations = 0;
        for (AllocationBlock block : blocks) {
            out.append(" IPAM block ").append(block.cidr()).append(" affinity=")
                    .append(block.affinity() == null ? "<none>" : block.affinity()).append(":\n");
            allocations += BlockQueries.allocatedOrdinals(block).size();
        }
        out.append("IPAM blocks record ").append(allocations).append(" allocations.\n\n");
        out.append("Loading block affinities, handles, nodes and workload endpoints...\n");
        out.append("Found ").append(snapshot.affinities().size()).append(" block affinities, ")
                .append(snapshot.handles().size()).append(" handles, ")
                .append(snapshot.nodes().size()).append(" nodes and ")
                .append(snapshot.endpoints().size()).append(" workload endpoints using ")
                .append(workloadIps(snapshot)).append(" IPs.\n\n");
        out.append("Scanning for problems at etcd revision ").append(report.revision()).append("...\n");
        out.append(problems(report));
        return out.toString();
    }

    /** How many in-grace addresses are named before the rest are counted. */
    static final int IN_GRACE_SHOWN = 20;

    /**
     * Each problem on its own indented line, then the addresses too young to be judged (none of
     * them is a problem yet, so the count in the summary line leaves them out), then the summary line.
     */
    public static String problems(IpamReport report) {
        StringBuilder out = new StringBuilder();
        for (IpamProblem problem : report.problems()) {
            out.append("  ").append(problem.describe()).append('\n');
        }
        List<IpAddr> young = report.inGrace();
        if (!young.isEmpty()) {
            out.append("  ").append(young.size()).append(young.size() == 1 ? " address was" : " addresses were")
                    .append(" allocated in the last ").append(LeakGrace.DEFAULT_PERIOD.toMinutes())
                    .append(" minutes and no workload endpoint uses ").append(young.size() == 1 ? "it" : "them")
                    .append(" yet (pod starts in flight; a later check reports any that leaked): ");
            out.append(String.join(", ", young.stream().limit(IN_GRACE_SHOWN).map(IpAddr::toString).toList()));
            if (young.size() > IN_GRACE_SHOWN) {
                out.append(" and ").append(young.size() - IN_GRACE_SHOWN).append(" more");
            }
            out.append('\n');
        }
        return out.append(report.summary()).append('\n').toString();
    }

    /** One line per repair action, then the tally. */
    public static String repair(List<RepairAction> actions, boolean dryRun) {
        StringBuilder out = new StringBuilder(dryRun ? "Repairing (dry run: nothing is written)...\n" : "Repairing...\n");
        Map<Outcome, Integer> tally = new EnumMap<>(Outcome.class);
        for (RepairAction action : actions) {
            out.append("  ").append(label(action.outcome())).append(": ").append(action.problem().describe())
                    .append(" -> ").append(action.detail()).append('\n');
            tally.merge(action.outcome(), 1, Integer::sum);
        }
        List<String> counts = new ArrayList<>();
        tally.forEach((outcome, count) -> counts.add(count + " " + tallied(outcome)));
        out.append(dryRun ? "Dry run complete: " : "Repair complete: ")
                .append(counts.isEmpty() ? "nothing to do" : String.join(", ", counts))
                .append(dryRun ? "; nothing was written.\n" : ".\n");
        return out.toString();
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case FIXED -> "fixed";
            case WOULD_FIX -> "would fix";
            case SKIPPED -> "skipped";
            case NOT_FIXED -> "needs an operator";
        };
    }

    private static String tallied(Outcome outcome) {
        return switch (outcome) {
            case FIXED -> "fixed";
            case WOULD_FIX -> "would be fixed";
            case SKIPPED -> "skipped";
            case NOT_FIXED -> "left for an operator";
        };
    }

    private static int workloadIps(IpamSnapshot snapshot) {
        int count = 0;
        for (WorkloadEndpoint endpoint : snapshot.endpoints().values()) {
            count += endpoint.ipv4Nets() == null ? 0 : endpoint.ipv4Nets().size();
            count += endpoint.ipv6Nets() == null ? 0 : endpoint.ipv6Nets().size();
        }
        return count;
    }
}
