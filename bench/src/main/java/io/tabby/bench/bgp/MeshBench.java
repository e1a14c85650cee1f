package io.tabby.bench.bgp;

import io.tabby.bench.report.Table;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.PolicyHook;
import io.tabby.bird.speaker.SpeakerOptions;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.testkit.bgp.NetnsThreads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Full-mesh convergence: N Tabby speakers in this JVM, all in the namespace {@code bgpb-mesh}
 * ({@code BGP_BENCH_NS} replaces {@code bgpb}, as for {@link NamespacePair}) on loopback addresses 10.99.0.1..N, every pair an iBGP session over real TCP, each speaker with
 * one event loop thread and its own RIB thread. Two phases per N: start every speaker and wait
 * until every session is Established; then every speaker originates its /26 at once and the clock
 * runs until every speaker's RIB has a best path for all N blocks. The JVM holds all N speakers,
 * so this measures the engine's protocol work, not N separate processes. Each size runs twice: as
 * Calico configures a mesh (both sides of a pair connect, so connections collide, RFC 4271 §6.8),
 * and with the higher-numbered side {@code passive on}, which takes collision handling out.
 *
 * <p>Usage: {@code MeshBench <timeout-seconds> <N>...}. Needs root.
 */
public final class MeshBench {
    private static final String NAMESPACE = NamespacePair.prefix() + "-mesh";

    private MeshBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MeshBench <timeout-seconds> <N>...");
            System.exit(2);
        }
        int timeout = Integer.parseInt(args[0]);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Table table = new Table("speakers", "connects", "sessions", "all Established s", "routes converged s", "goal");
        try {
            createNamespace(max);
            // Sockets belong to the namespace of the thread that creates them: the listeners are
            // made on this thread, the outgoing connections on the event loops (NetnsThreads).
            NetnsThreads.enter(NAMESPACE);
            for (boolean oneSided : List.of(false, true)) {
                for (int n : sizes) {
                    System.out.println("mesh of " + n + (oneSided ? ", one side connects" : ", both sides connect")
                            + " ...");
                    MeshResult result = run(n, timeout, oneSided);
                    System.out.println("  " + result);
                    table.row(Integer.toString(n), oneSided ? "one side" : "both", Integer.toString(n * (n - 1) / 2),
                            result.sessions().map(MeshBench::seconds).orElse("timeout"),
                            result.routes().map(MeshBench::seconds).orElse("timeout"),
                            n == 100 ? "< 5 s" : "");
                }
            }
        } finally {
            NamespacePair.ip("netns", "del", NAMESPACE);
        }
        System.out.println();
        System.out.println(table);
    }

    /** Seconds until all sessions were up, and from origination until every route was everywhere. */
    record MeshResult(int speakers, Optional<Double> sessions, Optional<Double> routes, String note) {
    }

    private static MeshResult run(int n, int timeout, boolean oneSided) throws Exception {
        List<BgpSpeaker> speakers = new ArrayList<>();
        List<RouteCounter> counters = new ArrayList<>();
        long deadline = System.nanoTime() + timeout * 1_000_000_000L;
        try {
            long start = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                String text = MeshConfig.config(i, n, oneSided);
                BirdConfig config = new BirdConfigParser(file -> text, RouterFamily.IPV4).parse(Path.of("mesh-" + i + ".cfg"));
                RouteCounter counter = new RouteCounter(n);
                SpeakerOptions options = new SpeakerOptions(NetnsThreads.factory(NAMESPACE, "mesh" + i), 1,
                        Optional.empty(), true, Clock.systemUTC(), PolicyHook.DEFAULT, counter, false);
                speakers.add(BgpSpeaker.start(config, options));
                counters.add(counter);
            }
            int sessions = n * (n - 1);
            int established = 0;
            while (System.nanoTime() < deadline) {
                established = 0;
                for (BgpSpeaker speaker : speakers) {
                    established += (int) speaker.peers().stream().filter(p -> p.established()).count();
                }
                if (established == sessions) {
                    break;
                }
                Thread.sleep(20);
            }
            if (established != sessions) {
                return new MeshResult(n, Optional.empty(), Optional.empty(),
                        established + " of " + sessions + " session ends Established; not: " + notUp(speakers));
            }
            double up = (System.nanoTime() - start) / 1e9;
            long originated = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                speakers.get(i - 1).originate(Ipv4Prefix.parse(MeshConfig.block(i)));
            }
            long last = 0;
            for (RouteCounter counter : counters) {
                if (!counter.await(deadline)) {
                    return new MeshResult(n, Optional.of(up), Optional.empty(), "a speaker never saw every route");
                }
                last = Math.max(last, counter.completedAt());
            }
            return new MeshResult(n, Optional.of(up), Optional.of((last - originated) / 1e9), "ok");
        } finally {
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (BgpSpeaker speaker : speakers) {
                closing.add(CompletableFuture.runAsync(speaker::close));
            }
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** The first few session ends that are not Established, with their state and last error. */
    private static String notUp(List<BgpSpeaker> speakers) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < speakers.size() && out.size() < 12; i++) {
            for (var peer : speakers.get(i).peers()) {
                if (!peer.established() && out.size() < 12) {
                    out.add(MeshConfig.address(i + 1) + "->" + peer.neighbor().getHostAddress() + " " + peer.state()
                            + peer.lastError().map(e -> " (" + e + ")").orElse(""));
                }
            }
        }
        return String.join(", ", out);
    }

    private static void createNamespace(int speakers) {
        if (new java.io.File("/var/run/netns/" + NAMESPACE).exists()) {
            NamespacePair.ip("netns", "del", NAMESPACE);
        }
        NamespacePair.ip("netns", "add", NAMESPACE);
        NamespacePair.ip("-n", NAMESPACE, "link", "set", "lo", "up");
        for (int i = 1; i <= speakers; i++) {
            NamespacePair.ip("-n", NAMESPACE, "addr", "add", MeshConfig.address(i) + "/32", "dev", "lo");
        }
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
