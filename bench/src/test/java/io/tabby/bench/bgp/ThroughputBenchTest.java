package io.tabby.bench.bgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThroughputBenchTest {

    @Test
    void busiestThreadsAreTheLargestCpuGrowthsFirst() {
        Map<String, Double> before = Map.of("bgp-rib", 0.10, "GC Thread", 0.05, "main", 1.00, "idle", 0.20);
        Map<String, Double> after = Map.of("bgp-rib", 0.60, "GC Thread", 0.35, "main", 1.00, "idle", 0.20,
                "C2 CompilerThre", 0.40);
        assertThat(ThroughputBench.busiestThreads(before, after))
                .isEqualTo("bgp-rib 0.50, C2 CompilerThre 0.40, GC Thread 0.30");
    }

    @Test
    void theTableComparesWallAndCpuSecondsWithBird() {
        ThroughputRun bird = new ThroughputRun(Dut.BIRD16, 1000, Optional.of(1.0), 1000, 0, 123_000, 0.5,
                Optional.empty(), "");
        ThroughputRun tabby = new ThroughputRun(Dut.TABBY, 1000, Optional.of(2.0), 1000, 0, 180_000, 1.5,
                Optional.of(140_000L), "");
        String table = ThroughputBench.table(List.of(bird, tabby)).toString();
        assertThat(table).contains("CPU s").contains("CPU x BIRD 1.6");
        String tabbyRow = table.lines().filter(l -> l.startsWith("Tabby")).findFirst().orElseThrow();
        assertThat(tabbyRow.split("\\s+")).contains("2.00", "1.50", "3.00", "180", "140");
    }
}
