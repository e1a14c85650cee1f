package io.tabby.bench.etcd;

import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints the side-by-side table. Arguments: {@code ENDPOINTS [SECONDS_PER_ROUND] [ROUNDS]}
 * (defaults 3 and 2). Never fails on a number; it only reports.
 */
public final class EtcdCasBench {
    private static final int[] WRITERS = {1, 4, 16};

    private EtcdCasBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EtcdCasBench ENDPOINTS [SECONDS_PER_ROUND] [ROUNDS]");
            System.exit(2);
        }
        List<String> endpoints = Arrays.asList(args[0].split(","));
        Duration round = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        run(endpoints, round, rounds, System.out);
    }

    static void run(List<String> endpoints, Duration round, int rounds, PrintStream out) throws Exception {
        try (CasWriter raw = new RawJetcdWriter(endpoints);
                CasWriter ours = new BackendWriter(EtcdBackend.connect(EtcdSettings.of(endpoints)))) {
            // warm both paths (JIT, connections) before anything is counted
            CasRound.run(raw, 4, Duration.ofSeconds(1), "/bench/warm/raw/");
            CasRound.run(ours, 4, Duration.ofSeconds(1), "/bench/warm/ours/");
            out.printf("etcd compare-and-swap puts, one key per writer, %d x %ds rounds per cell%n",
                    rounds, round.toSeconds());
            out.printf("%-8s %18s %18s %8s%n", "writers", raw.name() + " tx/s", ours.name() + " tx/s", "ratio");
            for (int writers : WRITERS) {
                double rawSum = 0;
                double oursSum = 0;
                for (int r = 0; r < rounds; r++) {
                    rawSum += CasRound.run(raw, writers, round, "/bench/raw/" + r + "/");
                    oursSum += CasRound.run(ours, writers, round, "/bench/ours/" + r + "/");
                }
                double rawRate = rawSum / rounds;
                double oursRate = oursSum / rounds;
                out.printf("%-8d %18.0f %18.0f %8.2f%n", writers, rawRate, oursRate, oursRate / rawRate);
            }
            out.println("ratio = Tabby Backend / raw jetcd (1.00 = no overhead)");
        }
    }
}
