package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterBenchTest {

    private static Scenario.Result result(OriginDaemon daemon, long routeMs, long installedMs) {
        AddTiming timing = new AddTiming(Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(250),
                Duration.ofMillis(installedMs), Duration.ofMillis(routeMs));
        return new Scenario.Result(100, daemon, List.of(timing), 0, "", Optional.empty());
    }

    @Test
    void theTabbyRowCarriesItsP99AgainstBirdsAndTheGoalAtOneHundredNodes() {
        Map<String, Scenario.Result> results = new LinkedHashMap<>();
        results.put("100/" + OriginDaemon.TABBY, result(OriginDaemon.TABBY, 800, 321));
        results.put("100/" + OriginDaemon.BIRD, result(OriginDaemon.BIRD, 1600, 432));
        List<String> lines = ClusterBench.propagationTable(List.of(100), results).lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("100").contains("tabby-node", "321.0", "800.0", "0.50", "< 1000 met");
        assertThat(lines.get(2)).contains("bird 1.6", "432.0", "1600.0", "< 1000 MISSED");
    }

    @Test
    void theMemoryGoalIsJudgedOnTheSettledResidentSizeWithTheProgrammedOneAndThePeakBeside() {
        MemoryPhase.Result memory = new MemoryPhase.Result(10_000, 1_000, 10_005, 100, 100,
                List.of(new ResidentMemory("tabby-node", 300 * 1024, 390 * 1024)),
                List.of(new ResidentMemory("tabby-node", 250 * 1024, 390 * 1024)), 60, "");
        List<String> lines = ClusterBench.memoryTable(OriginDaemon.TABBY, memory).lines().toList();
        assertThat(lines.get(0)).contains("10000 workload endpoints", "60 s after programming: met");
        assertThat(lines.get(1)).contains("RSS MB programmed", "RSS MB +60 s", "peak RSS MB");
        assertThat(lines.get(2)).contains("tabby-node", "300.0", "250.0", "390.0");
    }

    @Test
    void aScenarioThatDidNotRunIsAFailedRow() {
        List<String> lines = ClusterBench.propagationTable(List.of(10), Map.of()).lines();
        assertThat(lines.get(1)).contains("tabby-node", "failed");
    }

    @Test
    void milestonesBeforeTheStartCountAsZero() {
        assertThat(AddTiming.since(1_000, 400)).isEqualTo(Duration.ZERO);
        assertThat(AddTiming.since(1_000, 3_000)).isEqualTo(Duration.ofNanos(2_000));
    }
}
