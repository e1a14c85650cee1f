package io.tabby.bench.felix;

import io.tabby.bench.report.Percentiles;
import io.tabby.bench.report.Table;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.dataplane.KernelOps;
import io.tabby.platform.exec.ProcessCommandRunner;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints felix's full-programming time beside a raw restore of the same rules, and its
 * one-endpoint change latencies beside a replay of the very writes felix made into a twin
 * namespace and beside the kernel's floor for any rule write there (a one-rule restore), at each
 * endpoint total. Arguments: {@code [ENDPOINTS,...] [POLICIES] [CHANGES]}
 * (defaults {@code 1000,10000}, 1000, 50). Root only: it creates namespaces {@code fxsc-*} and
 * deletes them before it exits. Never fails on a number.
 */
public final class FelixScaleBench {
    private static final int WARMUP = 5;
    private static final List<String> KINDS = List.of("label change", "endpoint add", "endpoint delete");

    private FelixScaleBench() {
    }

    public static void main(String[] args) {
        List<Integer> totals = args.length > 0 ? Arrays.stream(args[0].split(",")).map(Integer::parseInt).toList()
                : List.of(1000, 10000);
        int policies = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        PrintStream out = System.out;
        LongCommands runner = new LongCommands(new ProcessCommandRunner(), Duration.ofMinutes(10));
        Map<Integer, ScaleRun> runs = new LinkedHashMap<>();
        try (BenchNamespaces namespaces = new BenchNamespaces(runner)) {
            for (int total : totals) {
                out.printf("-- %d endpoints, %d policies, %d changes of each kind%n", total, policies, changes);
                runs.put(total, run(namespaces, runner, total, policies, changes));
            }
        }
        out.println();
        out.println("Full programming (ip sets + filter and nat tables; no interfaces, routes or sysctls):");
        Table full = new Table("endpoints", "chains", "rules", "ip sets", "members", "felix s", "raw s", "felix/raw",
                "raw --noflush s", "felix/raw --noflush");
        runs.forEach((total, r) -> full.row(Integer.toString(total), Integer.toString(r.dump.chains()),
                Integer.toString(r.dump.rules()), Integer.toString(r.dump.sets()), Integer.toString(r.dump.members()),
                seconds(r.felix), seconds(r.raw), Table.ratio(r.felix.toNanos(), r.raw.toNanos()),
                seconds(r.rawNoflush), Table.ratio(r.felix.toNanos(), r.rawNoflush.toNanos())));
        out.print(full);
        out.println();
        out.println("One-endpoint changes (felix: syncer update to kernel written; replay: felix's own writes"
                + " into a twin namespace):");
        int smallest = totals.getFirst();
        Table one = new Table("change", "endpoints", "n", "felix p50 ms", "felix p99 ms", "felix max ms",
                "in commands p50 ms", "replay p50 ms", "replay p99 ms", "1-rule restore p50 ms", "felix/replay p99",
                "felix p99 / at " + smallest);
        for (String kind : KINDS) {
            runs.forEach((total, r) -> {
                Percentiles felix = Percentiles.of(r.changes.get(kind));
                Percentiles commands = Percentiles.of(r.commands.get(kind));
                Percentiles replay = Percentiles.of(r.replays.get(kind));
                Percentiles floor = Percentiles.of(r.floors.get(kind));
                Percentiles base = Percentiles.of(runs.get(smallest).changes.get(kind));
                one.row(kind, Integer.toString(total), Integer.toString(felix.count()), Percentiles.millis(felix.p50()),
                        Percentiles.millis(felix.p99()), Percentiles.millis(felix.max()),
                        Percentiles.millis(commands.p50()), Percentiles.millis(replay.p50()),
                        Percentiles.millis(replay.p99()), Percentiles.millis(floor.p50()),
                        Table.ratio(felix.p99().toNanos(), replay.p99().toNanos()),
                        Table.ratio(felix.p99().toNanos(), base.p99().toNanos()));
            });
        }
        out.print(one);
    }

    private record ScaleRun(Duration felix, Duration raw, Duration rawNoflush, RulesDump dump,
            Map<String, List<Duration>> changes, Map<String, List<Duration>> replays,
            Map<String, List<Duration>> commands, Map<String, List<Duration>> floors) {
    }

    private interface Change {
        void apply(int c);
    }

    private static ScaleRun run(BenchNamespaces namespaces, LongCommands runner, int total, int policies, int changes) {
        ScaleScenario scenario = new ScaleScenario(total, policies);
        NetNs.Named node = namespaces.create("node-" + total);
        NetNs.Named twin = null;
        try {
            InProcessFelix felix = new InProcessFelix(KernelOps.linux(runner, node, IptablesBackend.NFT));
            List<Update> snapshot = new ArrayList<>();
            scenario.state().forEach((k, v) -> snapshot.add(felix.update(k, v)));
            long start = System.nanoTime();
            felix.start(snapshot);
            Duration programmed = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("   felix start: %s, of which %.2f s in commands%n", felix.startPhases(),
                    runner.takeCommandTime().toNanos() / 1e9);
            runner.takeWrites();
            RulesDump dump = RulesDump.of(namespaces, node);
            dump.writeTo(System.getenv("FELIX_BENCH_DUMP"), total);
            NetNs.Named scratch = namespaces.create("noflush-" + total);
            Duration rawNoflush;
            try {
                rawNoflush = rawRestore(namespaces, scratch, dump, true);
            } finally {
                namespaces.delete(scratch);
            }
            twin = namespaces.create("raw-" + total);
            Duration raw = rawRestore(namespaces, twin, dump, false);
            runner.takeWrites(); // the raw restores above are not felix's writes
            Replay replay = new Replay(namespaces, runner, node, twin);
            for (int c = 0; c < WARMUP; c++) {
                int i = (c * 7919 + 11) % total;
                felix.apply(ScaleScenario.endpointKey(i), ScaleScenario.endpoint(i, "warm" + c));
                replay.run();
            }
            Map<String, List<Duration>> latencies = new LinkedHashMap<>();
            Map<String, List<Duration>> replays = new LinkedHashMap<>();
            Map<String, List<Duration>> commands = new LinkedHashMap<>();
            Map<String, List<Duration>> floors = new LinkedHashMap<>();
            Map<String, Change> kinds = Map.of(
                    "label change", c -> {
                        int i = (c * 104729 + 3) % total;
                        felix.apply(ScaleScenario.endpointKey(i), ScaleScenario.endpoint(i, "moved" + c));
                    },
                    "endpoint add", c -> {
                        int i = total + c;
                        felix.apply(ScaleScenario.endpointKey(i), ScaleScenario.endpoint(i, ScaleScenario.app(i)));
                    },
                    "endpoint delete", c -> {
                        int i = (c * 7907 + 5) % total;
                        felix.apply(ScaleScenario.endpointKey(i), null);
                    });
            for (String kind : KINDS) {
                List<Duration> own = new ArrayList<>();
                List<Duration> inCommands = new ArrayList<>();
                List<Duration> replayed = new ArrayList<>();
                List<Duration> floor = new ArrayList<>();
                for (int c = 0; c < changes; c++) {
                    runner.takeCommandTime();
                    long begin = System.nanoTime();
                    kinds.get(kind).apply(c);
                    own.add(Duration.ofNanos(System.nanoTime() - begin));
                    inCommands.add(runner.takeCommandTime());
                    replayed.add(replay.run());
                    floor.add(replay.oneRuleRestore());
                }
                latencies.put(kind, own);
                commands.put(kind, inCommands);
                replays.put(kind, replayed);
                floors.put(kind, floor);
            }
            return new ScaleRun(programmed, raw, rawNoflush, dump, latencies, replays, commands, floors);
        } finally {
            namespaces.delete(node);
            if (twin != null) {
                namespaces.delete(twin);
            }
        }
    }

    /** {@code ipset restore} then {@code iptables-restore} of the dump, as an operator would. */
    private static Duration rawRestore(BenchNamespaces namespaces, NetNs.Named ns, RulesDump dump, boolean noflush) {
        long start = System.nanoTime();
        namespaces.exec(ns, dump.ipsets(), "ipset", "restore");
        if (noflush) {
            namespaces.exec(ns, dump.iptables(), "iptables-nft-restore", "--noflush");
        } else {
            namespaces.exec(ns, dump.iptables(), "iptables-nft-restore");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }
}
