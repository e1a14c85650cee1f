package io.tabby.bench.confd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.tabby.confd.processor.DebounceSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints confd's put-to-reload table beside etcd's watch delivery and Go confd's numbers.
 * Arguments: {@code ENDPOINTS [CHANGES] [BURSTS] [check]} (defaults 1000 and 3; {@code check} gives
 * the resource a {@code check_cmd} too, {@code test -s {{.src}}}, which costs one more process per
 * change). Never fails on a number.
 */
public final class ConfdLatencyBench {
    private static final int WARMUP = 50;
    private static final String CHECK = "test -s {{.src}}";
    private static final int BURST_PUTS = 1000;
    private static final int BURST_IN_FLIGHT = 16;
    /** Longer than confd's quiet period, so every paced change meets an idle resource. */
    private static final Duration PACE = DebounceSettings.DEFAULTS.quiet().plusMillis(40);

    private ConfdLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ConfdLatencyBench ENDPOINTS [CHANGES] [BURSTS] [check]");
            System.exit(2);
        }
        List<String> endpoints = Arrays.asList(args[0].split(","));
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int bursts = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Optional<String> check = args.length > 3 && args[3].equals("check") ? Optional.of(CHECK) : Optional.empty();
        Path work = Files.createTempDirectory("tabby-confd-bench");
        try {
            run(endpoints, work, changes, bursts, check, System.out);
        } finally {
            deleteTree(work);
        }
    }

    static void run(List<String> endpoints, Path work, int changes, int bursts, Optional<String> check, PrintStream out)
            throws Exception {
        try (Client client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build();
                ReloadPipe reloads = new ReloadPipe(work.resolve("reloads.fifo"));
                WatchClock watch = new WatchClock(client, BenchConfd.KEY)) {
            var kv = client.getKVClient();
            kv.put(ByteSequence.from(BenchConfd.KEY, StandardCharsets.UTF_8),
                    ByteSequence.from("start", StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            try (BenchConfd confd = new BenchConfd(work, endpoints, reloads.reloadCommand(), check)) {
                if (reloads.next(30_000) < 0 || !confd.rendered("start")) {
                    throw new IllegalStateException("confd did not render the first value within 30 s");
                }
                out.printf("confd: etcd put -> new file in place and reload_cmd started; %d lone changes "
                        + "(paced %d ms, after %d warm-up), then %d bursts of %d puts (%d in flight)%n",
                        changes, PACE.toMillis(), WARMUP, bursts, BURST_PUTS, BURST_IN_FLIGHT);
                out.println("resource: reload_cmd `" + reloads.reloadCommand() + "`"
                        + check.map(c -> ", check_cmd `" + c + "`").orElse(", no check_cmd"));
                LoneChanges.Result lone = LoneChanges.run(kv, confd, reloads, watch, changes, WARMUP, PACE);
                List<Burst.Result> burstResults = new ArrayList<>();
                for (int b = 0; b < bursts; b++) {
                    Thread.sleep(1_000);
                    burstResults.add(Burst.run(kv, confd, reloads, "burst" + b, BURST_PUTS, BURST_IN_FLIGHT));
                }
                print(out, lone, burstResults);
            }
        }
    }

    private static void print(PrintStream out, LoneChanges.Result lone, List<Burst.Result> bursts) {
        out.printf("%-36s %9s %9s %9s%n", "lone change (ms)", "p50", "p99", "max");
        out.printf("%-36s %9.2f %9.2f %9.2f%n", "etcd watch delivery (jetcd)", lone.watch().percentileMillis(50),
                lone.watch().percentileMillis(99), lone.watch().maxMillis());
        out.printf("%-36s %9.2f %9.2f %9.2f%n", "tabby-confd put -> reload_cmd", lone.reload().percentileMillis(50),
                lone.reload().percentileMillis(99), lone.reload().maxMillis());
        out.printf("%-36s %9.2f %9.2f %9.2f%n", "  of which after watch delivery", lone.afterWatch().percentileMillis(50),
                lone.afterWatch().percentileMillis(99), lone.afterWatch().maxMillis());
        out.printf("%-36s %9s %9s %9s%n", "Go confd put -> reload (issue 4)", "7", "16", "-");
        out.printf("%-36s %9s %9s %9s%n", "Go confd's etcd watch delivery", "-", "6", "-");
        if (lone.misses() > 0) {
            out.printf("%d of %d changes had no reload showing their value within 10 s (counted as 10 s)%n",
                    lone.misses(), lone.reload().count());
        }
        out.printf("%-36s %s%n", "burst of " + BURST_PUTS + " puts", "reloads (confd's counter), puts took");
        for (int i = 0; i < bursts.size(); i++) {
            Burst.Result burst = bursts.get(i);
            out.printf("%-36s %d (%d), %.0f ms%s%n", "  tabby-confd burst " + (i + 1), burst.reloads(),
                    burst.counted(), burst.putMillis(), burst.finalRendered() ? "" : "  FINAL VALUE NOT RENDERED");
        }
        out.printf("%-36s %s%n", "  Go confd (issue 4)", "27-37 per burst");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
