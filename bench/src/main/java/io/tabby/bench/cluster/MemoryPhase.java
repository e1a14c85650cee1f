package io.tabby.bench.cluster;

import io.tabby.bench.felix.ScaleScenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The origin under load: the felix benchmark's endpoints and policies (its {@link ScaleScenario},
 * moved onto the origin node) written to etcd, simulated nodes added until the origin has
 * {@code peers} BGP peers, then, once felix has programmed a chain per endpoint and every session
 * is Established, each origin process's resident memory: once right then, and once more after
 * {@code settleSeconds} without new load (the steady state a host sees; a JVM gives back heap a
 * load burst needed only after its collector has run on a quiet heap). The wait ends early, with a
 * note, when the time is up or felix's chain count has not moved for {@value #STALL_SECONDS} s.
 */
final class MemoryPhase {
    static final long STALL_SECONDS = 90;
    private final int endpoints;
    private final int policies;
    private final int peers;
    private final long timeoutSeconds;
    private final long settleSeconds;

    /**
     * What was loaded and measured; {@code programmed} is each process's memory when felix had
     * programmed every chain, {@code memory} the same {@code settleSeconds} later; {@code note}
     * says what did not settle in time.
     */
    record Result(int endpoints, int policies, int chains, int peers, int established, List<ResidentMemory> programmed,
            List<ResidentMemory> memory, long settleSeconds, String note) {
    }

    MemoryPhase(int endpoints, int policies, int peers, long timeoutSeconds, long settleSeconds) {
        this.endpoints = endpoints;
        this.policies = policies;
        this.peers = peers;
        this.timeoutSeconds = timeoutSeconds;
        this.settleSeconds = settleSeconds;
    }

    /** @param pods the pods the scenario added on the origin; felix gives them chains too */
    /** The same phase with the peers alone: the anchor's BGP daemon is measured, not felix again. */
    MemoryPhase peersOnly() {
        return new MemoryPhase(0, 0, peers, timeoutSeconds, settleSeconds);
    }

    Result run(EtcdSeed seed, OriginNode origin, SimulatedNodes sims, int pods) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = sims.count() + 1; i <= peers; i++) {
            seed.putAll(EtcdSeed.simulatedNode(i));
            sims.start(i);
        }
        if (endpoints > 0) {
            seed.putAll(onOrigin(new ScaleScenario(endpoints, policies).state(), origin.namespace()));
        }
        List<String> notes = new ArrayList<>();
        List<String> down = sims.awaitEstablished(deadline);
        if (!down.isEmpty()) {
            notes.add("sessions not Established: " + down);
        }
        int wanted = endpoints + pods;
        int chains = workloadChains(origin.namespace());
        long moved = System.nanoTime();
        while (chains < wanted && System.nanoTime() < deadline && origin.exited() == null
                && System.nanoTime() - moved < TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
            Thread.sleep(2000);
            int now = workloadChains(origin.namespace());
            if (now != chains) {
                moved = System.nanoTime();
                chains = now;
            }
        }
        if (chains < wanted) {
            notes.add("felix had programmed " + chains + " of " + wanted + " endpoint chains (cali-tw-*) when the wait"
                    + " ended (" + timeoutSeconds + " s at most, or " + STALL_SECONDS + " s without a new chain)");
        }
        String dead = origin.exited();
        if (dead != null) {
            notes.add(dead);
        }
        List<ResidentMemory> programmed = resident(origin);
        Thread.sleep(TimeUnit.SECONDS.toMillis(settleSeconds));
        List<ResidentMemory> settled = resident(origin);
        int established = sims.count() - sims.awaitEstablished(0).size();
        return new Result(endpoints, policies, chains, sims.count(), established, programmed, settled, settleSeconds,
                String.join("; ", notes));
    }

    private static List<ResidentMemory> resident(OriginNode origin) throws IOException {
        List<ResidentMemory> memory = new ArrayList<>();
        for (OriginProcess p : origin.processes()) {
            if (p.process().isAlive()) {
                memory.add(ResidentMemory.of(p.name(), p.pid()));
            }
        }
        return memory;
    }

    /** The scenario's keys with its node name replaced by the origin's. */
    static Map<String, String> onOrigin(Map<String, String> state, String node) {
        Map<String, String> moved = new LinkedHashMap<>();
        String from = "/calico/v1/host/" + ScaleScenario.NODE + "/";
        String to = "/calico/v1/host/" + node + "/";
        state.forEach((key, value) -> moved.put(key.startsWith(from) ? to + key.substring(from.length()) : key, value));
        return moved;
    }

    /** felix's to-workload chains ({@code cali-tw-*}) in the filter table of {@code namespace}. */
    static int workloadChains(String namespace) throws IOException, InterruptedException {
        Process save = new ProcessBuilder("ip", "netns", "exec", namespace, "iptables-nft-save", "-t", "filter")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int count = 0;
        try (var reader = save.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(":cali-tw-")) {
                    count++;
                }
            }
        }
        if (!save.waitFor(30, TimeUnit.SECONDS)) {
            save.destroyForcibly();
        }
        return count;
    }
}
