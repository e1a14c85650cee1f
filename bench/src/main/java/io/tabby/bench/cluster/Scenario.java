package io.tabby.bench.cluster;

import io.tabby.bird.wire.Ipv4Prefix;
import java.nio.file.Path;
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

    /**
     * The counted ADDs' times from the start of each ADD, pairwise: until the plugin returned, until
     * the block's affinity was in etcd, until the block was on every simulated node. {@code lost} ADDs
     * whose block never reached every node are not among them.
     */
    record Result(int nodes, OriginDaemon daemon, List<Duration> routes, List<Duration> cniAdds,
            List<Duration> affinities, int lost, String note, Optional<MemoryPhase.Result> memory) {
        Result {
            routes = List.copyOf(routes);
            cniAdds = List.copyOf(cniAdds);
            affinities = List.copyOf(affinities);
            if (cniAdds.size() != routes.size() || affinities.size() != routes.size()) {
                throw new IllegalArgumentException("the samples are not pairwise: " + routes.size() + " routes, "
                        + cniAdds.size() + " ADDs, " + affinities.size() + " affinities");
            }
        }

        /** Per ADD, from the block's affinity in etcd until the block was everywhere: confd, the daemon, BGP. */
        List<Duration> afterEtcd() {
            List<Duration> out = new ArrayList<>();
            for (int i = 0; i < routes.size(); i++) {
                Duration d = routes.get(i).minus(affinities.get(i));
                out.add(d.isNegative() ? Duration.ZERO : d);
            }
            return out;
        }
    }

    /** @param javaOpts extra JVM flags for the origin's Tabby processes; empty for none */
    Scenario(Path top, Path work, String etcd, int adds, int warmups, String javaOpts) {
        this.top = top;
        this.work = work;
        this.etcd = etcd;
        this.adds = adds;
        this.warmups = warmups;
        this.javaOpts = javaOpts;
    }

    Result run(int index, int nodes, OriginDaemon daemon, Optional<MemoryPhase> memoryPhase) throws Exception {
        int simulated = nodes - 1;
        String originAddress = ClusterPlan.originAddress(index);
        List<Duration> routes = new ArrayList<>();
        List<Duration> cniAdds = new ArrayList<>();
        List<Duration> affinities = new ArrayList<>();
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
                    return new Result(nodes, daemon, routes, cniAdds, affinities, 0, "sessions not Established after "
                            + SESSION_TIMEOUT_SECONDS + " s: " + down + (origin.exited() == null ? "" : "; "
                            + origin.exited()), Optional.empty());
                }
                for (int k = 0; k < warmups + adds; k++) {
                    String pool = ClusterPlan.pool(k);
                    CompletableFuture<Long> everywhere = tracker.whenEverywhere(Ipv4Prefix.parse(pool), simulated);
                    CompletableFuture<Long> written = affinity.whenWritten(pool);
                    long start = System.nanoTime();
                    PodAdd.run(top, origin, ClusterPlan.podNamespace(index, k), pool);
                    long added = System.nanoTime();
                    try {
                        long at = everywhere.get(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        long claimed = written.get(ROUTE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                        if (k >= warmups) {
                            routes.add(Duration.ofNanos(at - start));
                            cniAdds.add(Duration.ofNanos(added - start));
                            affinities.add(Duration.ofNanos(Math.max(0, claimed - start)));
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
                return new Result(nodes, daemon, routes, cniAdds, affinities, lost, dead == null ? "" : dead, memory);
            }
        }
    }
}
