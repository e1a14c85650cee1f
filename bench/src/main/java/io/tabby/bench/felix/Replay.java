package io.tabby.bench.felix;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.exec.Command;
import io.tabby.platform.net.NetNs;
import java.time.Duration;
import java.util.List;

/**
 * The per-change anchor: the exact {@code ipset restore} and {@code iptables-restore} inputs felix
 * wrote for a change, replayed into a twin namespace that holds the same rules (restored from
 * felix's dump), so the kernel's own cost of that write at that table size is measured beside
 * felix's whole change.
 */
final class Replay {
    private final BenchNamespaces namespaces;
    private final LongCommands runner;
    private final NetNs.Named from;
    private final NetNs.Named twin;
    /** Not a felix chain (felix owns cali-*), so felix never sees it. */
    private static final String PROBE_CHAIN = "fxsc-probe";

    Replay(BenchNamespaces namespaces, LongCommands runner, NetNs.Named from, NetNs.Named twin) {
        this.namespaces = requireNonNull(namespaces, "namespaces is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.from = requireNonNull(from, "from is null");
        this.twin = requireNonNull(twin, "twin is null");
    }

    /**
     * The kernel's floor for any rule write at this table size: one {@code iptables-restore
     * --noflush} in the twin that refills a chain nothing jumps to with a single rule. nf_tables
     * checks every rule reachable from the base chains on each commit that adds a rule, so this
     * costs about what any one-endpoint change must cost, however few lines it writes.
     */
    Duration oneRuleRestore() {
        long start = System.nanoTime();
        namespaces.exec(twin, "*filter\n:" + PROBE_CHAIN + " - [0:0]\n-A " + PROBE_CHAIN + " -j RETURN\nCOMMIT\n",
                "iptables-nft-restore", "--noflush");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        runner.takeWrites();
        runner.takeCommandTime();
        return took;
    }

    /** Replays the writes since the last call; returns how long they took in the twin. */
    Duration run() {
        List<Command> writes = runner.takeWrites();
        long start = System.nanoTime();
        for (Command write : writes) {
            List<String> argv = write.argv().stream().map(a -> a.equals(from.name()) ? twin.name() : a).toList();
            if (!argv.contains(twin.name())) {
                throw new IllegalStateException("felix wrote outside its namespace: " + write.display());
            }
            runner.run(new Command(argv, write.stdin(), write.timeout()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        runner.takeWrites(); // the replays themselves
        runner.takeCommandTime();
        return took;
    }
}
