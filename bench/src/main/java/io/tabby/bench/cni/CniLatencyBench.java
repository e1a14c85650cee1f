package io.tabby.bench.cni;

import io.tabby.bench.report.Percentiles;
import io.tabby.bench.report.Table;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints CNI ADD/DEL latency of the {@code tabby} plugin (with and without its AOT cache) beside
 * {@code ptp} + {@code host-local}. Arguments: {@code BUILD_DIR REFERENCE_PLUGIN_DIR WORK_DIR [RUNS]}
 * (default 50 counted runs per plugin, after 3 uncounted warm-up runs). Must run as root inside
 * the node namespace with {@code TABBY_CNI_SOCKET} naming the node agent's socket. Never fails on
 * a number; it exits 1 when a plugin run fails.
 */
public final class CniLatencyBench {
    static final int WARM_UP = 3;
    static final double GOAL = 4.0;
    private static final String TABBY_CONFIG =
            "{\"cniVersion\":\"1.0.0\",\"name\":\"bench-net\",\"type\":\"tabby\",\"ipam\":{\"type\":\"tabby-ipam\"}}";

    private CniLatencyBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CniLatencyBench BUILD_DIR REFERENCE_PLUGIN_DIR WORK_DIR [RUNS]");
            System.exit(2);
        }
        Path build = Path.of(args[0]);
        Path reference = Path.of(args[1]);
        Path work = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        List<Subject> subjects = subjects(build, reference, work);
        try {
            run(subjects, runs, System.out);
        } catch (IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
        }
    }

    static List<Subject> subjects(Path build, Path reference, Path work) throws java.io.IOException {
        Path hostLocal = work.resolve("host-local");
        Files.createDirectories(hostLocal);
        String refConfig = "{\"cniVersion\":\"1.0.0\",\"name\":\"bench-ref\",\"type\":\"ptp\",\"ipMasq\":false,"
                + "\"mtu\":1500,\"ipam\":{\"type\":\"host-local\",\"ranges\":[[{\"subnet\":\"10.79.0.0/16\"}]],"
                + "\"routes\":[{\"dst\":\"0.0.0.0/0\"}],\"dataDir\":\"" + hostLocal + "\"}}";
        Path tabby = build.resolve("bin/tabby");
        return List.of(
                new Subject("tabby (AOT cache)", tabby, TABBY_CONFIG, Map.of()),
                new Subject("tabby (no AOT cache)", tabby, TABBY_CONFIG, Map.of("TABBY_AOT", "off")),
                new Subject("ptp + host-local (reference)", reference.resolve("ptp"), refConfig,
                        Map.of("CNI_PATH", reference.toString())));
    }

    /** Runs every subject WARM_UP + runs times, rotating their order each round; the last subject is the reference. */
    static void run(List<Subject> subjects, int runs, PrintStream out) throws Exception {
        Map<Subject, List<Duration>> adds = new LinkedHashMap<>();
        Map<Subject, List<Duration>> dels = new LinkedHashMap<>();
        subjects.forEach(s -> {
            adds.put(s, new ArrayList<>());
            dels.put(s, new ArrayList<>());
        });
        try (PodNamespaces namespaces = new PodNamespaces()) {
            for (int i = 0; i < WARM_UP + runs; i++) {
                for (int k = 0; k < subjects.size(); k++) {
                    int index = (i + k) % subjects.size();
                    Subject subject = subjects.get(index);
                    String pod = "p" + index + "-" + i;
                    String netns = namespaces.create(pod);
                    String container = "bnch" + index + "c" + i;
                    PluginExec.Outcome add = PluginExec.run(subject, "ADD", container, netns, pod);
                    if (!add.ok() || !add.stdout().contains("\"ips\"")) {
                        throw new IllegalStateException(subject.name() + " ADD failed (exit " + add.exitCode()
                                + "): " + add.stdout().strip());
                    }
                    PluginExec.Outcome del = PluginExec.run(subject, "DEL", container, netns, pod);
                    if (!del.ok()) {
                        throw new IllegalStateException(subject.name() + " DEL failed (exit " + del.exitCode()
                                + "): " + del.stdout().strip());
                    }
                    namespaces.delete(netns);
                    if (i >= WARM_UP) {
                        adds.get(subject).add(add.elapsed());
                        dels.get(subject).add(del.elapsed());
                    }
                }
            }
        }
        print(subjects, adds, dels, runs, out);
    }

    static void print(List<Subject> subjects, Map<Subject, List<Duration>> adds, Map<Subject, List<Duration>> dels,
            int runs, PrintStream out) {
        Subject reference = subjects.getLast();
        Percentiles refAdd = Percentiles.of(adds.get(reference));
        out.printf("CNI latency, process start to exit, %d runs per plugin after %d warm-up runs,"
                + " fresh pod namespace per run%n", runs, WARM_UP);
        Table table = new Table("plugin", "ADD p50 ms", "ADD p99 ms", "DEL p50 ms", "DEL p99 ms",
                "ADD p50 ratio", "ADD p99 ratio");
        for (Subject s : subjects) {
            Percentiles add = Percentiles.of(adds.get(s));
            Percentiles del = Percentiles.of(dels.get(s));
            table.row(s.name(), Percentiles.millis(add.p50()), Percentiles.millis(add.p99()),
                    Percentiles.millis(del.p50()), Percentiles.millis(del.p99()),
                    Table.ratio(add.p50().toNanos(), refAdd.p50().toNanos()),
                    Table.ratio(add.p99().toNanos(), refAdd.p99().toNanos()));
        }
        table.lines().forEach(out::println);
        out.printf("ratio = ADD latency / %s ADD latency (goal <= %.0f)%n", reference.name(), GOAL);
    }
}
