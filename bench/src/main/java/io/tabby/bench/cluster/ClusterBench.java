package io.tabby.bench.cluster;

import io.tabby.bench.report.Percentiles;
import io.tabby.bench.report.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Route propagation from one real Tabby node to N-1 simulated ones, beside the same pipeline with
 * BIRD 1.6 as the origin's BGP daemon, and the origin's memory under load (see package-info).
 * Runs inside namespace {@code cb-sim}, which scripts/lib/bench-cluster.sh prepares; never fails
 * on a number, only when a scenario could not run at all.
 *
 * <p>Usage: {@code ClusterBench <top> <work> <etcd> <adds> <warmups> <endpoints> <policies> <peers>
 * <memory-timeout-s> <N>...}; {@code CLUSTER_JAVA_OPTS} in the environment adds JVM flags to the
 * origin's Tabby processes (to see what a heap limit does to their memory).
 */
public final class ClusterBench {
    private static final double GOAL_P99_MS = 1000;
    private static final double GOAL_AGENT_MB = 256;

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 10) {
            System.err.println("usage: ClusterBench <top> <work> <etcd> <adds> <warmups> <endpoints> <policies> <peers>"
                    + " <memory-timeout-s> <N>...");
            System.exit(2);
        }
        Path top = Path.of(args[0]);
        Scenario scenario = new Scenario(top, Path.of(args[1]), args[2], Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), System.getenv().getOrDefault("CLUSTER_JAVA_OPTS", ""));
        MemoryPhase memory = new MemoryPhase(Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                Integer.parseInt(args[7]), Long.parseLong(args[8]),
                Long.parseLong(System.getenv().getOrDefault("CLUSTER_SETTLE", "60")));
        List<Integer> sizes = new ArrayList<>();
        for (int i = 9; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        boolean failed = false;
        Map<String, Scenario.Result> results = new LinkedHashMap<>();
        int index = 0;
        for (int n : sizes) {
            for (OriginDaemon daemon : OriginDaemon.values()) {
                index++;
                System.out.println("cluster of " + n + " nodes, origin runs " + daemon.label() + " ...");
                try {
                    // the anchor's run measures its BGP daemon with the same peers; felix is Tabby's in both
                    Optional<MemoryPhase> phase = n != largest ? Optional.empty()
                            : Optional.of(daemon == OriginDaemon.TABBY ? memory : memory.peersOnly());
                    Scenario.Result result = scenario.run(index, n, daemon, phase);
                    results.put(n + "/" + daemon, result);
                    System.out.println("  " + summary(result));
                } catch (Exception e) {
                    failed = true;
                    System.out.println("  FAILED: " + e.getMessage());
                }
            }
        }
        System.out.println();
        System.out.print(LEGEND);
        System.out.println(propagationTable(sizes, results));
        for (OriginDaemon daemon : OriginDaemon.values()) {
            Scenario.Result result = results.get(largest + "/" + daemon);
            if (result != null && result.memory().isPresent()) {
                System.out.println(memoryTable(daemon, result.memory().get()));
            }
        }
        System.out.println(daemonComparison(results.get(largest + "/" + OriginDaemon.TABBY),
                results.get(largest + "/" + OriginDaemon.BIRD)));
        System.exit(failed ? 1 : 0);
    }

    private static String summary(Scenario.Result result) {
        if (result.timings().isEmpty()) {
            return "no route arrived: " + result.note();
        }
        return "route " + Percentiles.of(AddTiming.each(result.timings(), AddTiming::everywhere)) + ", CNI ADD "
                + Percentiles.of(AddTiming.each(result.timings(), AddTiming::cniReturned))
                + (result.lost() > 0 ? ", " + result.lost() + " lost" : "")
                + (result.note().isEmpty() ? "" : "; " + result.note());
    }

    static final String LEGEND = """
            ms from the start of each pod ADD (p50): ADD = the CNI plugin returned; affinity = the block's affinity \
            first in etcd; rendered = confd wrote bird_aggr.cfg (before check_cmd); installed = confd put it in \
            place (after check_cmd, before reload_cmd); route = the block on every simulated node (p50, p99, max)
            """;

    static Table propagationTable(List<Integer> sizes, Map<String, Scenario.Result> results) {
        Table table = new Table("nodes", "origin BGP", "ADDs", "lost", "ADD", "affinity", "rendered", "installed",
                "route p50", "route p99", "route max", "p99 vs BIRD", "goal p99");
        for (int n : sizes) {
            Scenario.Result bird = results.get(n + "/" + OriginDaemon.BIRD);
            for (OriginDaemon daemon : OriginDaemon.values()) {
                Scenario.Result r = results.get(n + "/" + daemon);
                String goal = n == 100 ? "< 1000" : "";
                if (r == null || r.timings().isEmpty()) {
                    table.row(Integer.toString(n), daemon.label(), "0", r == null ? "-" : Integer.toString(r.lost()),
                            "-", "-", "-", "-", "failed", "-", "-", "-", goal);
                    continue;
                }
                Percentiles route = Percentiles.of(AddTiming.each(r.timings(), AddTiming::everywhere));
                String ratio = daemon == OriginDaemon.BIRD || bird == null || bird.timings().isEmpty() ? ""
                        : Table.ratio(ms(route.p99()), ms(Percentiles.of(
                                AddTiming.each(bird.timings(), AddTiming::everywhere)).p99()));
                table.row(Integer.toString(n), daemon.label(), Integer.toString(route.count()),
                        Integer.toString(r.lost()), p50(r, AddTiming::cniReturned), p50(r, AddTiming::affinity),
                        p50(r, AddTiming::rendered), p50(r, AddTiming::installed),
                        Percentiles.millis(route.p50()), Percentiles.millis(route.p99()),
                        Percentiles.millis(route.max()), ratio,
                        goal.isEmpty() ? "" : goal + (ms(route.p99()) < GOAL_P99_MS ? " met" : " MISSED"));
            }
        }
        return table;
    }

    private static String p50(Scenario.Result r, java.util.function.Function<AddTiming, Duration> milestone) {
        return Percentiles.millis(Percentiles.of(AddTiming.each(r.timings(), milestone)).p50());
    }

    static String memoryTable(OriginDaemon daemon, MemoryPhase.Result memory) {
        Table table = new Table("origin process (" + daemon.label() + " run)", "RSS MB programmed",
                "RSS MB +" + memory.settleSeconds() + " s", "peak RSS MB");
        long programmed = 0;
        long rss = 0;
        long peak = 0;
        for (ResidentMemory m : memory.memory()) {
            ResidentMemory then = memory.programmed().stream().filter(p -> p.name().equals(m.name())).findFirst()
                    .orElse(m);
            table.row(m.name(), mb(then.rssMb()), mb(m.rssMb()), mb(m.peakMb()));
            programmed += then.rssKb();
            rss += m.rssKb();
            peak += m.peakKb();
        }
        table.row("sum", mb(programmed / 1024.0), mb(rss / 1024.0), mb(peak / 1024.0));
        String header = String.format(Locale.ROOT,
                "memory, origin with %d workload endpoints and %d policies (%d endpoint chains programmed) and %d BGP"
                        + " peers (%d Established)%s%n",
                memory.endpoints(), memory.policies(), memory.chains(), memory.peers(), memory.established(),
                memory.endpoints() == 0 ? " (the anchor's daemon under the same peers; felix not loaded)"
                        : String.format(Locale.ROOT, "; goal <= %.0f MB per node agent, %d s after programming: %s",
                                GOAL_AGENT_MB, memory.settleSeconds(),
                                rss / 1024.0 <= GOAL_AGENT_MB ? "met" : "MISSED (" + mb(rss / 1024.0) + " MB)"));
        return header + table + (memory.note().isEmpty() ? "" : "note: " + memory.note() + System.lineSeparator());
    }

    /** The two BGP daemons' resident memory with the same peers, from the two memory phases. */
    static String daemonComparison(Scenario.Result tabby, Scenario.Result bird) {
        Optional<ResidentMemory> ours = daemonMemory(tabby, OriginDaemon.TABBY);
        Optional<ResidentMemory> theirs = daemonMemory(bird, OriginDaemon.BIRD);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return "BGP daemon memory: not measured in both runs";
        }
        return String.format(Locale.ROOT,
                "with %d peers: %s (the whole agent: felix, confd, bird-bridge, CNI) %s MB RSS, %s alone %s MB RSS (%s x)",
                tabby.memory().orElseThrow().peers(), ours.get().name(), mb(ours.get().rssMb()), theirs.get().name(),
                mb(theirs.get().rssMb()), Table.ratio(ours.get().rssKb(), theirs.get().rssKb()));
    }

    private static Optional<ResidentMemory> daemonMemory(Scenario.Result result, OriginDaemon daemon) {
        if (result == null || result.memory().isEmpty()) {
            return Optional.empty();
        }
        return result.memory().get().memory().stream().filter(m -> m.name().equals(daemon.label())).findFirst();
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String mb(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
