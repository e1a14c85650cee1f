package io.tabby.bench.ipam;

import io.tabby.datastore.model.IpAddr;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.Ipam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One timed round: one assign loop per simulated node, each asking its node's {@link Ipam} for
 * one IPv4 address for a new handle until the deadline (bounded by {@link #MAX_ASSIGNS_PER_NODE}
 * too). Every address handed out is recorded with its handle for the duplicate audit.
 */
final class AssignRound {
    static final int MAX_ASSIGNS_PER_NODE = 1_000_000;
    static final String NETWORK = "bench-net";

    private final Map<IpAddr, String> handedOut;
    private final ConcurrentLinkedQueue<String> handedTwice;

    /**
     * @param handedOut every address handed out so far, with its handle; shared across rounds
     * @param handedTwice where an address handed to a second handle is reported
     */
    AssignRound(Map<IpAddr, String> handedOut, ConcurrentLinkedQueue<String> handedTwice) {
        this.handedOut = handedOut;
        this.handedTwice = handedTwice;
    }

    /** Runs the round; {@code nodes.get(i)} is node {@code names.get(i)}'s IPAM. */
    Throughput run(List<String> names, List<? extends Ipam> nodes, Duration length, String tag) throws Exception {
        int count = nodes.size();
        long[] assigned = new long[count];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            threads.add(Thread.ofPlatform().name("bench-node-" + id).start(() -> {
                try {
                    go.await();
                    long n = 0;
                    while (n < MAX_ASSIGNS_PER_NODE && System.nanoTime() < window[1]) {
                        assignOne(nodes.get(id), names.get(id), tag + "-" + n);
                        n++;
                    }
                    assigned[id] = n;
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = Math.max(System.nanoTime() - window[0], 1);
        if (failure.get() != null) {
            throw new IllegalStateException("IPAM assign loop failed", failure.get());
        }
        long total = 0;
        for (long a : assigned) {
            total += a;
        }
        return new Throughput(total, elapsed);
    }

    private void assignOne(Ipam ipam, String node, String pod) {
        String container = node + "-" + pod;
        String handle = NETWORK + "." + container;
        List<IpAddr> got = ipam.autoAssign(AssignRequest.of(1, 0, handle,
                AllocationAttributes.workload("bench", pod, node, container), node)).ipv4();
        if (got.size() != 1) {
            throw new IllegalStateException("asked for 1 IPv4 address for " + handle + ", got " + got);
        }
        String earlier = handedOut.putIfAbsent(got.getFirst(), handle);
        if (earlier != null) {
            handedTwice.add(got.getFirst() + " to " + earlier + " and " + handle);
        }
    }

    static Map<IpAddr, String> newLedger() {
        return new ConcurrentHashMap<>();
    }

    /** {@code operations} completed in {@code nanos}. */
    record Throughput(long operations, long nanos) {
        double perSecond() {
            return operations * 1e9 / nanos;
        }
    }
}
