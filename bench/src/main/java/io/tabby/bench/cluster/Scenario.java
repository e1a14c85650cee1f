package io.tabby.bench.cluster;

import io.tabby.bird.wire.Ipv4Prefix;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One cluster of {@code nodes} nodes with one origin BGP daemon: a clean /calico, the pools, the
 * simulated nodes' keys, the origin, the simulated speakers, then {@code warmups} uncounted and
 * {@code adds} counted pod ADDs one after another, each timed until its block is on every simulated
 * node, then (when asked) the memory phase. Everything it starts is stopped before it returns.
 */
final class Scenario {
    static final long SESSION_TIMEOUT_SECONDS = 120;
    static final long ROUTE_TIMEOUT_SECONDS = 30;
    /** A pause after each ADD's route, so that one ADD's reloads do not overlap the next ADD's clock. */
    static final long PAUSE_MILLIS = 300;

    private final Path top;
    private final Path work;
    private final String etcd;
    private final int adds;
    private final int warmups;
    private final String javaOpts;

    /** The counted ADDs' milestones; {@code lost} ADDs whose block never reached every node are not among them. */
    record Result(int nodes, OriginDaemon daemon, List<AddTiming> timings, int lost, String note,
            Optional<MemoryPhase.Result> memory) {
        Result {
            timings = List.copyOf(timings);
        }
    }

    Scenario(Path top, Path work, String etcd, int adds, int warmups, String javaOpts) {
        this.top = top;
        this.work = work;
        this.etcd = etcd;
        this.adds = adds;
        this.warmups = warmups;
        this.javaOpts = javaOpts;
    }

    private static Duration sinceWall(Instant start, Instant at) {
        Duration d = Duration.between(start, at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    Result run(int index, int nodes, OriginDaemon daemon, Optional<MemoryPhase> memoryPhase) throws Exception {
        int simulated = nodes - 1;
        String originAddress = ClusterPlan.originAddress(index);
        List<AddTiming> timings = new ArrayList<>();
        int lost = 0;
        try (EtcdSeed seed = new EtcdSeed(etcd)) {
            seed.wipe();
            seed.putAll(EtcdSeed.pools(warmups + adds));
            for (int i = 1; i <= simulated; i++) {
                seed.putAll(EtcdSeed.simulatedNode(i));
            }
            OriginNode.Settings settings = new OriginNode.Settings(top, work.resolve(ClusterPlan.originNamespace(index)),
                    ClusterPlan.originNamespace(index), etcd, javaOpts);
            ArrivalTracker tracker = new ArrivalTracker();
            try (AffinityClock affinity = new AffinityClock(etcd, ClusterPlan.originNamespace(index));
                    OriginNode origin = OriginNode.start(settings, daemon, simulated);
                    SimulatedNodes sims = new SimulatedNodes(originAddress, tracker)) {
                for (int i = 1; i <= simulated; i++) {
                    sims.start(i);
                }
                List<String> down = sims.awaitEstablished(System.nanoTime()
                        + TimeUnit.SECONDS.toNanos(SESSION_TIMEOUT_SECONDS));
                if (!down.isEmpty()) {
                    return new Result(nodes, daemon, timings, 0, "sessions not Established after "
                            + SESSION_TIMEOUT_SECONDS + " s: " + down + (origin.exited() == null ? "" : "; "
                            + origin.exited()), Optional.empty());
                }
                for (int k = 0; k < warmups + adds; k++) {
                    String pool = ClusterPlan.pool(k);
                    CompletableFuture<Long> everywhere = tracker.whenEverywhere(Ipv4Prefix.parse(pool), simulated);
                    CompletableFuture<Long> written = affinity.whenWritten(pool);
                    Instant wallStart = Instant.now();
                    long start = System.nanoTime();
                    PodAdd.run(top, origin, ClusterPlan.podNamespace(index, k), pool);
                    long added = System.nanoTime();
                    try {
                        long at = everywhere.get(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        long claimed = written.get(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        // nothing rewrites bird_aggr.cfg between this block's arrival and the next ADD
                        RenderClock render = RenderClock.of(origin.dir().resolve("config/bird_aggr.cfg"));
                        if (k >= warmups) {
                            timings.add(new AddTiming(AddTiming.since(start, added), AddTiming.since(start, claimed),
                                    sinceWall(wallStart, render.written()), sinceWall(wallStart, render.installed()),
                                    AddTiming.since(start, at)));
                        }
                    } catch (TimeoutException e) {
                        if (k >= warmups) {
                            lost++;
                        }
                        System.out.println("  block " + pool + " reached " + tracker.arrivals(Ipv4Prefix.parse(pool))
                                + " of " + simulated + " nodes within " + ROUTE_TIMEOUT_SECONDS + " s");
                    }
                    Thread.sleep(PAUSE_MILLIS);
                }
                Optional<MemoryPhase.Result> memory = Optional.empty();
                if (memoryPhase.isPresent()) {
                    memory = Optional.of(memoryPhase.get().run(seed, origin, sims, warmups + adds));
                }
                String dead = origin.exited();
                return new Result(nodes, daemon, timings, lost, dead == null ? "" : dead, memory);
            }
        }
    }
}
