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
 * is Established (or the time is up), each origin process's resident memory.
 */
final class MemoryPhase {
    private final int endpoints;
    private final int policies;
    private final int peers;
    private final long timeoutSeconds;

    /** What was loaded and measured; {@code note} says what did not settle in time. */
    record Result(int endpoints, int chains, int peers, int established, List<ResidentMemory> memory, String note) {
    }

    MemoryPhase(int endpoints, int policies, int peers, long timeoutSeconds) {
        this.endpoints = endpoints;
        this.policies = policies;
        this.peers = peers;
        this.timeoutSeconds = timeoutSeconds;
    }

    Result run(EtcdSeed seed, OriginNode origin, SimulatedNodes sims) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = sims.count() + 1; i <= peers; i++) {
            seed.putAll(EtcdSeed.simulatedNode(i));
            sims.start(i);
        }
        seed.putAll(onOrigin(new ScaleScenario(endpoints, policies).state(), origin.namespace()));
        List<String> notes = new ArrayList<>();
        List<String> down = sims.awaitEstablished(deadline);
        if (!down.isEmpty()) {
            notes.add("sessions not Established: " + down);
        }
        int chains = workloadChains(origin.namespace());
        while (chains < endpoints && System.nanoTime() < deadline && origin.exited() == null) {
            Thread.sleep(2000);
            chains = workloadChains(origin.namespace());
        }
        if (chains < endpoints) {
            notes.add("felix had programmed " + chains + " of " + endpoints + " endpoint chains when the "
                    + timeoutSeconds + " s were up");
        }
        String dead = origin.exited();
        if (dead != null) {
            notes.add(dead);
        }
        List<ResidentMemory> memory = new ArrayList<>();
        for (OriginProcess p : origin.processes()) {
            if (p.process().isAlive()) {
                memory.add(ResidentMemory.of(p.name(), p.pid()));
            }
        }
        int established = sims.count() - sims.awaitEstablished(0).size();
        return new Result(endpoints, chains, sims.count(), established, memory, String.join("; ", notes));
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
