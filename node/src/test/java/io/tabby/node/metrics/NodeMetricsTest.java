package io.tabby.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {

    @Test
    void standardFamiliesRenderWithTheirLabels() {
        MetricRegistry registry = new MetricRegistry();
        NodeMetrics metrics = new NodeMetrics(registry, () -> Map.of("Established", 2L, "Active", 1L),
                () -> Map.of("master", 7L));
        metrics.cniRequest("ADD", "ok", Duration.ofMillis(30));
        metrics.ipamOperation("assign", "ok");
        metrics.felixApplied(Duration.ofMillis(3));
        metrics.felixApplyFailed();
        metrics.syncerInSync(true);
        metrics.syncerResynced();

        String text = registry.render();

        assertThat(text).contains(
                "tabby_cni_request_duration_seconds_bucket{command=\"ADD\",result=\"ok\",le=\"0.025\"} 0\n"
                        + "tabby_cni_request_duration_seconds_bucket{command=\"ADD\",result=\"ok\",le=\"0.05\"} 1\n",
                "tabby_cni_request_duration_seconds_bucket{command=\"ADD\",result=\"ok\",le=\"+Inf\"} 1\n"
                        + "tabby_cni_request_duration_seconds_sum{command=\"ADD\",result=\"ok\"} 0.03\n"
                        + "tabby_cni_request_duration_seconds_count{command=\"ADD\",result=\"ok\"} 1\n",
                "tabby_ipam_operations_total{operation=\"assign\",result=\"ok\"} 1\n",
                "tabby_felix_apply_duration_seconds_count 1\n",
                "tabby_felix_apply_failures_total 1\n",
                "tabby_syncer_in_sync 1\n",
                "tabby_syncer_resyncs_total 1\n",
                "tabby_bgp_sessions{state=\"Active\"} 1\ntabby_bgp_sessions{state=\"Established\"} 2\n",
                "tabby_bgp_routes{table=\"master\"} 7\n");
        assertThat(text.lines().filter(line -> line.startsWith("# TYPE ")).count()).isEqualTo(8);
    }
}
