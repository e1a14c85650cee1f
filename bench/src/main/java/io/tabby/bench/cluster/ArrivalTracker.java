package io.tabby.bench.cluster;

import io.tabby.bird.rib.BestPathListener;
import io.tabby.bird.rib.Route;
import io.tabby.bird.wire.Prefix;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * When a prefix has reached every simulated node: each node's RIB thread reports through its own
 * {@link #listener()}, which counts a prefix once per node (the first time it has a best path), and
 * the future of {@link #whenEverywhere} completes with the {@code System.nanoTime()} of the last
 * node's arrival once {@code nodes} nodes have it.
 */
final class ArrivalTracker {
    private final LongSupplier clock;
    private final Map<Prefix, Integer> arrivals = new HashMap<>();
    private final Map<Prefix, Watch> watches = new HashMap<>();

    private record Watch(int nodes, CompletableFuture<Long> done) {
    }

    ArrivalTracker(LongSupplier clock) {
        this.clock = clock;
    }

    ArrivalTracker() {
        this(System::nanoTime);
    }

    /** A listener for one simulated node's RIB; it is called on that node's RIB thread only. */
    BestPathListener listener() {
        Node node = node();
        return (Prefix prefix, Route best) -> {
            if (best != null) {
                node.reached(prefix);
            }
        };
    }

    /** One simulated node's arrivals; used from one thread at a time. */
    Node node() {
        return new Node();
    }

    /** Counts each prefix once for the node, the first time it is reached. */
    final class Node {
        private final Set<Prefix> seen = new HashSet<>();

        private Node() {
        }

        void reached(Prefix prefix) {
            if (seen.add(prefix)) {
                arrived(prefix, clock.getAsLong());
            }
        }
    }

    /** Completes when {@code nodes} simulated nodes have had a best path for {@code prefix}. */
    synchronized CompletableFuture<Long> whenEverywhere(Prefix prefix, int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes " + nodes + " must be at least 1");
        }
        Watch watch = new Watch(nodes, new CompletableFuture<>());
        watches.put(prefix, watch);
        if (arrivals.getOrDefault(prefix, 0) >= nodes) {
            watch.done().complete(clock.getAsLong());
        }
        return watch.done();
    }

    /** How many simulated nodes have had {@code prefix} so far. */
    synchronized int arrivals(Prefix prefix) {
        return arrivals.getOrDefault(prefix, 0);
    }

    private synchronized void arrived(Prefix prefix, long at) {
        int count = arrivals.merge(prefix, 1, Integer::sum);
        Watch watch = watches.get(prefix);
        if (watch != null && count >= watch.nodes()) {
            watch.done().complete(at);
        }
    }
}
