package io.tabby.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bench.felix.ScaleScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryPhaseTest {

    @Test
    void theFelixScenarioMovesOntoTheOriginNodeKeepingEverythingElse() {
        Map<String, String> state = new ScaleScenario(3, 2).state();
        Map<String, String> moved = MemoryPhase.onOrigin(state, "cb-o1");
        assertThat(moved).hasSameSizeAs(state);
        assertThat(moved.keySet()).filteredOn(k -> k.contains("/workload/")).hasSize(3)
                .allMatch(k -> k.startsWith("/calico/v1/host/cb-o1/workload/"));
        assertThat(moved.keySet()).noneMatch(k -> k.contains(ScaleScenario.NODE));
        assertThat(moved.values()).containsExactlyElementsOf(state.values());
    }
}
