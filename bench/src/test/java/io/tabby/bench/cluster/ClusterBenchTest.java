package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterBenchTest {

    private static Scenario.Result result(OriginDaemon daemon, long routeMs, long etcdMs) {
        return new Scenario.Result(100, daemon, List.of(Duration.ofMillis(routeMs)), List.of(Duration.ofMillis(300)),
                List.of(Duration.ofMillis(etcdMs)), 0, "", Optional.empty());
    }

    @Test
    void theTabbyRowCarriesItsP99AgainstBirdsAndTheGoalAtOneHundredNodes() {
        Map<String, Scenario.Result> results = new LinkedHashMap<>();
        results.put("100/" + OriginDaemon.TABBY, result(OriginDaemon.TABBY, 800, 300));
        results.put("100/" + OriginDaemon.BIRD, result(OriginDaemon.BIRD, 1600, 400));
        List<String> lines = ClusterBench.propagationTable(List.of(100), results).lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("100").contains("tabby-bird", "500.0", "800.0", "0.50", "< 1000 met");
        assertThat(lines.get(2)).contains("bird 1.6", "1200.0", "1600.0", "< 1000 MISSED");
    }

    @Test
    void aScenarioThatDidNotRunIsAFailedRow() {
        List<String> lines = ClusterBench.propagationTable(List.of(10), Map.of()).lines();
        assertThat(lines.get(1)).contains("tabby-bird", "failed");
    }

    @Test
    void afterEtcdIsPairwiseAndNeverNegative() {
        Scenario.Result r = new Scenario.Result(10, OriginDaemon.TABBY,
                List.of(Duration.ofMillis(900), Duration.ofMillis(100)), List.of(Duration.ZERO, Duration.ZERO),
                List.of(Duration.ofMillis(400), Duration.ofMillis(150)), 0, "", Optional.empty());
        assertThat(r.afterEtcd()).containsExactly(Duration.ofMillis(500), Duration.ZERO);
        assertThatThrownBy(() -> new Scenario.Result(10, OriginDaemon.TABBY, List.of(Duration.ZERO), List.of(),
                List.of(), 0, "", Optional.empty())).hasMessageContaining("not pairwise");
    }
}
