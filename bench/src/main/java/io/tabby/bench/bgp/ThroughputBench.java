package io.tabby.bench.bgp;

import io.tabby.bench.report.Table;
import io.tabby.testkit.bgp.NetnsThreads;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Route throughput through a device under test: feeder → device → counting receiver, one device
 * after another in the same run, each in its own {@code bgpb-*} namespaces. Prints one table.
 *
 * <p>Usage: {@code ThroughputBench <routes> <timeout-seconds> <bird2-binary|-> <device>...} with
 * devices {@code bird16 bird2 gobgp tabby tabbys} ({@code tabby}: with the tabby-bird launcher's
 * JVM flags; {@code tabbys}: the same plus a fixed 256 MB young generation). Needs root. The Tabby
 * device runs in a separate JVM started with this JVM's java and class path, plus the options in
 * {@code TABBY_DUT_JAVA_OPTS}. Beside wall time each row shows the device's CPU seconds, which a
 * busy machine distorts far less.
 */
public final class ThroughputBench {
    private ThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ThroughputBench <routes> <timeout-seconds> <bird2-binary|-> <bird16|bird2|gobgp|tabby|tabbys>...");
            System.exit(2);
        }
        int routes = Integer.parseInt(args[0]);
        int timeout = Integer.parseInt(args[1]);
        Path bird2 = Path.of(args[2]);
        List<Dut> duts = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            duts.add(Dut.byTag(args[i]));
        }
        PrefixPlan plan = PrefixPlan.calicoLike(routes);
        List<ThroughputRun> runs = new ArrayList<>();
        for (Dut dut : duts) {
            if (dut == Dut.BIRD2 && !Files.isExecutable(bird2)) {
                System.out.println("skipping BIRD 2: no executable at " + bird2);
                continue;
            }
            System.out.println("running " + dut.title() + " ...");
            ThroughputRun run = runOne(dut, plan, timeout, bird2);
            System.out.println("  " + run);
            runs.add(run);
        }
        System.out.println();
        System.out.println(table(runs));
    }

    static Table table(List<ThroughputRun> runs) {
        double birdSeconds = runs.stream().filter(r -> r.dut() == Dut.BIRD16).findFirst()
                .flatMap(ThroughputRun::seconds).orElse(0.0);
        double birdCpu = runs.stream().filter(r -> r.dut() == Dut.BIRD16).findFirst()
                .map(ThroughputRun::cpuSeconds).orElse(0.0);
        Table table = new Table("device", "routes", "seconds", "routes/s", "x BIRD 1.6", "CPU s", "CPU x BIRD 1.6",
                "RSS MB", "RSS delta MB", "bytes/route", "live heap B/route");
        for (ThroughputRun run : runs) {
            String seconds = run.seconds().map(s -> fmt("%.2f", s)).orElse("timeout (" + run.held() + " held)");
            String rate = run.seconds().map(s -> fmt("%.0f", run.routes() / s)).orElse("-");
            String ratio = run.seconds().map(s -> Table.ratio(s, birdSeconds)).orElse("-");
            table.row(run.dut().title(), Integer.toString(run.routes()), seconds, rate, ratio,
                    fmt("%.2f", run.cpuSeconds()), Table.ratio(run.cpuSeconds(), birdCpu),
                    fmt("%.1f", run.rssAfter() / 1e6), fmt("%.1f", (run.rssAfter() - run.rssBefore()) / 1e6),
                    fmt("%.0f", run.bytesPerRoute()),
                    run.liveHeapBytes().map(h -> fmt("%.0f", (double) h / run.routes())).orElse("-"));
        }
        return table;
    }

    private static ThroughputRun runOne(Dut dut, PrefixPlan plan, int timeout, Path bird2) throws Exception {
        Path dir = Files.createTempDirectory("bgpb-" + dut.tag());
        try (NamespacePair namespaces = NamespacePair.create(dut.tag())) {
            ExecutorService inPeers = Executors.newSingleThreadExecutor(
                    NetnsThreads.factory(namespaces.peers(), "bgpb-" + dut.tag()));
            try {
                DutProcess process = DutProcess.start(namespaces.dut(), dir.resolve(dut.tag() + ".log"),
                        dut.command(dir, bird2, javaCommand()));
                try (process) {
                    Future<ThroughputRun> run = inPeers.submit(() -> measure(dut, plan, timeout, process, dir));
                    return run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(dut.title() + " failed: " + e.getCause().getMessage()
                            + "\n--- device log tail:\n" + process.logTail(), e.getCause());
                }
            } finally {
                inPeers.shutdownNow();
            }
        }
    }

    /** Runs in the peers' namespace: sessions, feed, count, memory. */
    private static ThroughputRun measure(Dut dut, PrefixPlan plan, int timeout, DutProcess process, Path dir)
            throws Exception {
        InetAddress device = InetAddress.getByName(NamespacePair.DUT_ADDRESS);
        InetAddress feederAddress = InetAddress.getByName(NamespacePair.FEEDER_ADDRESS);
        InetAddress receiverAddress = InetAddress.getByName(NamespacePair.RECEIVER_ADDRESS);
        Duration sessionTimeout = Duration.ofSeconds(60);
        try (WireSession receiver = WireSession.open(receiverAddress, device, Dut.RECEIVER_AS,
                        address(receiverAddress), sessionTimeout);
                WireSession feeder = WireSession.open(feederAddress, device, Dut.FEEDER_AS,
                        address(feederAddress), sessionTimeout)) {
            CountingReceiver counter = new CountingReceiver(receiver.options(), plan.count());
            Thread counting = Thread.ofPlatform().daemon(true).name("bgpb-receiver").start(() -> counter.run(receiver));
            Feeder.drain(feeder, Thread.ofPlatform().daemon(true).name("bgpb-feeder-drain").factory());
            byte[] feed = new FeedEncoder(feeder.options(), Dut.FEEDER_AS, address(feederAddress)).encode(plan);
            // Sessions are up and idle: this is the device's footprint without the table.
            Thread.sleep(1000);
            long rssBefore = process.residentBytes();
            double cpuBefore = process.cpuSeconds();
            Map<String, Double> threadsBefore = process.cpuSecondsByThread();
            long start = Feeder.feed(feeder, feed);
            boolean done = counter.await(timeout);
            Optional<Double> seconds = done ? Optional.of((counter.completedAt() - start) / 1e9) : Optional.empty();
            // Let the device settle (BIRD frees its import buffers; GoBGP and the JVM finish their work).
            Thread.sleep(1000);
            long rssAfter = process.residentBytes();
            double cpu = process.cpuSeconds() - cpuBefore;
            String threads = busiestThreads(threadsBefore, process.cpuSecondsByThread());
            Optional<Long> heap = dut.isTabby() ? liveHeap(process, dir.resolve("tabby-heap.txt")) : Optional.empty();
            counting.interrupt();
            return new ThroughputRun(dut, plan.count(), seconds, counter.held(), rssBefore, rssAfter, cpu, heap,
                    counter.updates() + " UPDATEs received; CPU s by thread: " + threads);
        }
    }

    /** The five threads (by name) that used the most CPU between the two samples, as "name 1.23". */
    static String busiestThreads(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() + " " + fmt("%.2f", e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Optional<Long> liveHeap(DutProcess process, Path report) throws Exception {
        process.tell("heap");
        for (int i = 0; i < 300 && !Files.exists(report); i++) {
            Thread.sleep(100);
        }
        return Files.exists(report) ? Optional.of(Long.parseLong(Files.readString(report).strip())) : Optional.empty();
    }

    private static int address(InetAddress address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    /** This JVM's java and class path, for the Tabby device's own JVM. */
    private static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("--enable-native-access=ALL-UNNAMED");
        String opts = System.getenv().getOrDefault("TABBY_DUT_JAVA_OPTS", "");
        for (String opt : opts.trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        return command;
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
