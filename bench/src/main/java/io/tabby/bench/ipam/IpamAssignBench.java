package io.tabby.bench.ipam;

import io.tabby.bench.etcd.CasRound;
import io.tabby.bench.etcd.CasWriter;
import io.tabby.bench.etcd.RawJetcdWriter;
import io.tabby.bench.report.Table;
import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.testing.CountingBackend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.ipam.impl.DatastoreIpam;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Prints the IPAM assign rate beside the raw etcd transaction rate. Arguments:
 * {@code ENDPOINTS [SECONDS_PER_ROUND] [ROUNDS]} (defaults 3 and 2). Meant for the throwaway etcd
 * scripts/bench starts: it deletes everything under {@code /calico/} first. Never fails on a
 * number; it exits 1 only when the audit finds an address held twice.
 */
public final class IpamAssignBench {
    static final int NODES = 10;
    /** 4096 blocks of /26: far more addresses than ten loops assign in a run. */
    static final String POOL = "10.128.0.0/14";
    static final double GOAL = 0.8;

    private IpamAssignBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: IpamAssignBench ENDPOINTS [SECONDS_PER_ROUND] [ROUNDS]");
            System.exit(2);
        }
        List<String> endpoints = Arrays.asList(args[0].split(","));
        Duration round = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 3);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.exit(run(endpoints, round, rounds, System.out) ? 0 : 1);
    }

    /** Runs the benchmark; returns false when the audit found duplicates. */
    static boolean run(List<String> endpoints, Duration round, int rounds, PrintStream out) throws Exception {
        try (CasWriter raw = new RawJetcdWriter(endpoints);
                Backend backend = EtcdBackend.connect(EtcdSettings.of(endpoints))) {
            backend.commit(List.of(TxnOp.deletePrefix("/calico/")));
            Cidr pool = Cidr.parse(POOL);
            IpPoolKey poolKey = new IpPoolKey(pool);
            backend.put(poolKey.path(), ValueCodec.INSTANCE.encode(poolKey, IpPool.of(pool)));
            List<String> names = IntStream.range(0, NODES).mapToObj(i -> "bench-node-" + i).toList();
            CountingBackend counted = new CountingBackend(backend);
            List<DatastoreIpam> nodes = names.stream().map(n -> new DatastoreIpam(counted)).toList();
            Map<IpAddr, String> ledger = AssignRound.newLedger();
            ConcurrentLinkedQueue<String> handedTwice = new ConcurrentLinkedQueue<>();
            AssignRound assign = new AssignRound(ledger, handedTwice);

            // warm both paths (JIT, connections, first blocks claimed) before anything is counted
            CasRound.run(raw, NODES, Duration.ofSeconds(1), "/bench/warm/raw/");
            assign.run(names, nodes, Duration.ofSeconds(1), "warm");

            double rawSum = 0;
            double ipamSum = 0;
            long ipamOps = 0;
            long ipamWrites = 0;
            long ipamRequests = 0;
            for (int r = 0; r < rounds; r++) {
                rawSum += CasRound.run(raw, NODES, round, "/bench/raw/" + r + "/");
                long before = revision(backend);
                long requestsBefore = counted.requests();
                AssignRound.Throughput t = assign.run(names, nodes, round, "r" + r);
                ipamRequests += counted.requests() - requestsBefore;
                ipamWrites += revision(backend) - before;
                ipamOps += t.operations();
                ipamSum += t.perSecond();
            }
            double rawRate = rawSum / rounds;
            double ipamRate = ipamSum / rounds;
            out.printf("IPAM assign rate, %d concurrent nodes, one real etcd, %d x %ds rounds per row%n",
                    NODES, rounds, round.toSeconds());
            Table table = new Table("path", "ops/s", "etcd requests/op", "etcd writes/op", "ratio")
                    .row("raw etcd CAS txn (jetcd, " + NODES + " writers)", fmt("%.0f", rawRate), "1.00", "1.00",
                            "1.00")
                    .row("IPAM autoAssign 1 IPv4 (" + NODES + " nodes)", fmt("%.0f", ipamRate),
                            perOp(ipamRequests, ipamOps), perOp(ipamWrites, ipamOps), Table.ratio(ipamRate, rawRate));
            table.lines().forEach(out::println);
            out.printf("ratio = IPAM assigns/s / raw CAS txn/s (goal >= %.1f)%n", GOAL);

            DuplicateAudit audit = DuplicateAudit.of(backend, ledger, handedTwice.size());
            out.printf("audit: %d blocks read back, %d allocations in blocks, %d addresses handed out,"
                    + " duplicate addresses: %d%n", audit.blocks(), audit.allocations(), audit.handedOut(),
                    audit.duplicates());
            handedTwice.stream().limit(10).forEach(d -> out.println("  handed twice: " + d));
            return audit.duplicates() == 0;
        }
    }

    private static long revision(Backend backend) {
        return backend.list("/bench/revision-probe/").revision();
    }

    private static String perOp(long count, long ops) {
        return ops == 0 ? "n/a" : fmt("%.2f", (double) count / ops);
    }

    private static String fmt(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
