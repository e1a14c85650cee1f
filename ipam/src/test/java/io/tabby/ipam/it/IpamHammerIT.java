package io.tabby.ipam.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.IpamException;
import io.tabby.ipam.block.BlockQueries;
import io.tabby.ipam.check.GcResult;
import io.tabby.ipam.check.IpamChecker;
import io.tabby.ipam.check.IpamProblem;
import io.tabby.ipam.check.IpamRepair;
import io.tabby.ipam.check.IpamReport;
import io.tabby.ipam.check.IpamSnapshot;
import io.tabby.ipam.check.NodeGc;
import io.tabby.ipam.check.SnapshotReader;
import io.tabby.ipam.impl.CasRetry;
import io.tabby.ipam.impl.Checkpoint;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.ipam.impl.Fixtures;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The IPAM hammer (users-and-reliability §C 4, scaled to one test machine): simulated nodes each
 * run concurrent pod ADD/DEL loops against one real etcd while operations are abandoned at random
 * between their writes, as a killed CNI process or node agent would leave them. Afterwards no
 * address may ever have been held by two live pods, no block may be affine to two nodes, and the
 * checker must be clean after repair and after a node-removal GC.
 */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpamHammerIT {

    private static final Logger LOG = LogManager.getLogger(IpamHammerIT.class);

    private static final int NODES = 10;
    private static final int LOOPS_PER_NODE = 50;
    private static final int ITERATIONS_PER_LOOP = 3;
    /** Agent processes per node: each has its own in-process turn-taking, so they race through CAS. */
    private static final int PROCESSES_PER_NODE = 2;
    /**
     * 8 blocks of 64 for 10 nodes: two nodes or more find no free block and borrow from the others,
     * so writers of different nodes race on one block; 512 addresses stay above the peak demand.
     */
    private static final String POOL = "10.64.0.0/23";
    private static final int BLOCK_PREFIX = 26;
    /** Chance that an operation is abandoned after any one of its datastore writes. */
    private static final double ABANDON_AT_STEP = 0.03;
    /** Chance that a pod's ADD dies after IPAM but before its endpoint is written (a leak). */
    private static final double ABANDON_BEFORE_ENDPOINT = 0.05;
    /** Chance that a loop's last pod is left running. */
    private static final double KEEP_LAST_POD = 0.3;
    /** A safety bound: loops stop starting new iterations after this; the counts above normally end them first. */
    private static final Duration RUN_BOUND = Duration.ofSeconds(45);

    private final Backend backend;
    private final Map<IpAddr, String> held = new ConcurrentHashMap<>();
    private final Queue<String> doubleHeld = new ConcurrentLinkedQueue<>();
    private final Queue<Exception> unexpected = new ConcurrentLinkedQueue<>();
    private final Map<String, List<IpAddr>> kept = new ConcurrentHashMap<>();
    private final AtomicInteger assigned = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    IpamHammerIT(EtcdServer etcd) {
        this.backend = EtcdBackends.connect(etcd);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    /** Thrown from a checkpoint: the operation stops right there, as if its process were killed. */
    private static final class Abandoned extends RuntimeException {
        Abandoned(String step) {
            super("abandoned after " + step, null, false, false);
        }
    }

    @Test
    void concurrentNodesNeverShareAnAddressAndEverythingIsCleanAfterRepairAndGc() throws Exception {
        EtcdBackends.wipe(backend);
        Fixtures.pool(backend, POOL, BLOCK_PREFIX, false, null);
        Checkpoint chaos = step -> {
            if (ThreadLocalRandom.current().nextDouble() < ABANDON_AT_STEP) {
                throw new Abandoned(step);
            }
        };
        List<DatastoreIpam> processes = IntStream.range(0, NODES * PROCESSES_PER_NODE)
                .mapToObj(i -> new DatastoreIpam(backend, CasRetry.DEFAULT_ATTEMPTS, chaos)).toList();
        Instant stopBy = Instant.now().plus(RUN_BOUND);
        try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < NODES; n++) {
                String node = "node-" + n;
                Fixtures.put(backend, new HostMetadataKey(node), HostMetadata.EMPTY);
                for (int loop = 0; loop < LOOPS_PER_NODE; loop++) {
                    int id = loop;
                    DatastoreIpam ipam = processes.get(n * PROCESSES_PER_NODE + loop % PROCESSES_PER_NODE);
                    loops.submit(() -> runLoop(ipam, node, id, stopBy));
                }
            }
        }
        LOG.info("hammer: {} assignments, {} abandoned operations, {} refused, {} pods kept", assigned.get(),
                abandoned.get(), refused.get(), kept.size());

        assertThat(doubleHeld).as("addresses handed to two live pods").isEmpty();
        assertThat(unexpected).as("unexpected failures").isEmpty();
        assertThat(assigned.get()).isGreaterThan(NODES * LOOPS_PER_NODE);

        SnapshotReader reader = new SnapshotReader(backend);
        IpamSnapshot end = reader.read();
        long borrowed = borrowed(end);
        LOG.info("hammer: {} blocks, {} addresses borrowed from another node's block", end.blocks().size(), borrowed);
        assertThat(borrowed).as("addresses borrowed by nodes that found no free block").isPositive();
        IpamReport afterRun = IpamChecker.check(end);
        assertThat(afterRun.of(IpamProblem.BlockAffineToTwoNodes.class)).isEmpty();
        assertThat(afterRun.of(IpamProblem.AddressHeldTwice.class)).isEmpty();
        assertThat(afterRun.of(IpamProblem.MissingHandle.class)).as("allocations without a handle").isEmpty();
        assertThat(afterRun.of(IpamProblem.HandleCountMismatch.class)).isEmpty();

        new IpamRepair(backend).repair(afterRun, false);
        assertThat(IpamChecker.check(reader.read()).problems()).as("problems after repair").isEmpty();
        DatastoreIpam quiet = new DatastoreIpam(backend);
        kept.forEach((handle, addresses) ->
                assertThat(quiet.ipsByHandle(handle)).as("addresses of kept pod " + handle)
                        .containsExactlyInAnyOrderElementsOf(addresses));

        backend.commit(List.of(TxnOp.deletePrefix(KeyPaths.hostPrefix("node-0"))));
        GcResult gc = new NodeGc(backend).releaseNode("node-0");
        LOG.info("hammer: GC of node-0 released {} addresses", gc.releasedAddresses().size());
        assertThat(IpamChecker.check(reader.read()).problems()).as("problems after node GC").isEmpty();
        assertThat(backend.list(KeyPaths.ipamHostPrefix("node-0")).kvs()).isEmpty();
    }

    private static long borrowed(IpamSnapshot snapshot) {
        return snapshot.blocks().values().stream().mapToLong(v -> {
            AllocationBlock block = v.value();
            return BlockQueries.allocatedOrdinals(block).stream()
                    .map(ordinal -> BlockQueries.ownerOf(block, ordinal).orElseThrow().secondary())
                    .filter(attrs -> attrs != null && !Objects.equals(attrs.get("node"), block.affineNode()))
                    .count();
        }).sum();
    }

    private void runLoop(DatastoreIpam ipam, String node, int loop, Instant stopBy) {
        for (int i = 0; i < ITERATIONS_PER_LOOP && Instant.now().isBefore(stopBy); i++) {
            String pod = node + "-" + loop + "-" + i;
            boolean last = i == ITERATIONS_PER_LOOP - 1;
            try {
                runPod(ipam, node, pod, last);
            } catch (Abandoned e) {
                abandoned.incrementAndGet();
            } catch (IpamException e) {
                // Lost too many CAS races in a row: a refusal the CNI reports, never a corruption.
                refused.incrementAndGet();
                LOG.debug("hammer: {} refused: {}", pod, e.getMessage());
            } catch (RuntimeException e) {
                unexpected.add(e);
                LOG.error("hammer: {} failed", pod, e);
            }
        }
    }

    private void runPod(DatastoreIpam ipam, String node, String pod, boolean last) {
        String handle = "k8s-pod-network." + pod;
        List<IpAddr> addresses = ipam.autoAssign(AssignRequest.of(1, 0, handle,
                AllocationAttributes.workload("hammer", pod, node, pod), node)).ipv4();
        assigned.incrementAndGet();
        for (IpAddr address : addresses) {
            String previous = held.putIfAbsent(address, handle);
            if (previous != null) {
                doubleHeld.add(address + " held by " + previous + " and " + handle);
            }
        }
        if (ThreadLocalRandom.current().nextDouble() < ABANDON_BEFORE_ENDPOINT) {
            throw new Abandoned("assign, before the endpoint was written");
        }
        WorkloadEndpointKey endpoint = new WorkloadEndpointKey(node, "k8s", "hammer." + pod, "eth0");
        Fixtures.put(backend, endpoint, WorkloadEndpoint.active("cali" + Math.abs(pod.hashCode()),
                "ee:ee:ee:ee:ee:ee", List.of(), addresses.stream().map(Cidr::host).toList(), List.of(), Map.of()));
        if (last && ThreadLocalRandom.current().nextDouble() < KEEP_LAST_POD) {
            kept.put(handle, addresses);
            return;
        }
        backend.commit(List.of(TxnOp.remove(endpoint.path())));
        addresses.forEach(address -> held.remove(address, handle));
        ipam.releaseByHandle(handle);
    }
}
