package io.tabby.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {

    private final MetricRegistry registry = new MetricRegistry();

    @Test
    void countersAndGaugesRenderHelpAndTypeOncePerFamilyInLabelOrder() {
        LabelledFamily<Counter> ipam = registry.counter("tabby_ipam_operations_total", "IPAM operations.",
                "operation", "result");
        ipam.labels("release", "ok").inc();
        ipam.labels("assign", "ok").add(3);
        ipam.labels("assign", "error").inc();
        registry.gauge("tabby_syncer_in_sync", "1 when the syncer is in sync.").labels().set(1);

        assertThat(registry.render()).isEqualTo("""
                # HELP tabby_ipam_operations_total IPAM operations.
                # TYPE tabby_ipam_operations_total counter
                tabby_ipam_operations_total{operation="assign",result="error"} 1
                tabby_ipam_operations_total{operation="assign",result="ok"} 3
                tabby_ipam_operations_total{operation="release",result="ok"} 1
                # HELP tabby_syncer_in_sync 1 when the syncer is in sync.
                # TYPE tabby_syncer_in_sync gauge
                tabby_syncer_in_sync 1
                """);
    }

    @Test
    void histogramBucketsAreCumulativeAndEndInInfThenSumAndCount() {
        LabelledFamily<Histogram> latency = registry.histogram("tabby_cni_request_duration_seconds",
                "CNI request latency.", new double[] {0.005, 0.1, 1}, "command");
        Histogram add = latency.labels("ADD");
        add.observe(0.005); // on the bound: counted in le="0.005"
        add.observe(Duration.ofMillis(50));
        add.observe(2.5);

        assertThat(registry.render()).isEqualTo("""
                # HELP tabby_cni_request_duration_seconds CNI request latency.
                # TYPE tabby_cni_request_duration_seconds histogram
                tabby_cni_request_duration_seconds_bucket{command="ADD",le="0.005"} 1
                tabby_cni_request_duration_seconds_bucket{command="ADD",le="0.1"} 2
                tabby_cni_request_duration_seconds_bucket{command="ADD",le="1"} 2
                tabby_cni_request_duration_seconds_bucket{command="ADD",le="+Inf"} 3
                tabby_cni_request_duration_seconds_sum{command="ADD"} 2.555
                tabby_cni_request_duration_seconds_count{command="ADD"} 3
                """);
    }

    @Test
    void labelValuesAndHelpAreEscaped() {
        registry.counter("tabby_x_total", "a \\ back\nslash").labels().inc();
        registry.gauge("tabby_y", "y", "path").labels("C:\\dir \"q\"\nnext").set(-0.25);

        assertThat(registry.render()).isEqualTo("""
                # HELP tabby_x_total a \\\\ back\\nslash
                # TYPE tabby_x_total counter
                tabby_x_total 1
                # HELP tabby_y y
                # TYPE tabby_y gauge
                tabby_y{path="C:\\\\dir \\"q\\"\\nnext"} -0.25
                """);
    }

    @Test
    void callbackGaugesAndSourcesAreReadAtScrapeTime() {
        Map<List<String>, Double> sessions = new java.util.HashMap<>();
        registry.gaugeCallback("tabby_bgp_sessions", "BGP sessions by state.", () -> Map.copyOf(sessions), "state");
        registry.addSource(() -> "# HELP tabby_confd_renders_total r\n# TYPE tabby_confd_renders_total counter\n"
                + "tabby_confd_renders_total{resource=\"bird.toml\"} 4\n");
        registry.addSource(() -> {
            throw new IllegalStateException("broken part");
        });
        sessions.put(List.of("Established"), 2.0);
        sessions.put(List.of("Active"), 1.0);

        assertThat(registry.render()).isEqualTo("""
                # HELP tabby_bgp_sessions BGP sessions by state.
                # TYPE tabby_bgp_sessions gauge
                tabby_bgp_sessions{state="Active"} 1
                tabby_bgp_sessions{state="Established"} 2
                # HELP tabby_confd_renders_total r
                # TYPE tabby_confd_renders_total counter
                tabby_confd_renders_total{resource="bird.toml"} 4
                """);
    }

    @Test
    void numbersAreSpelledAsPrometheusReadsThem() {
        assertThat(ExpositionText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(ExpositionText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(ExpositionText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(ExpositionText.number(0)).isEqualTo("0");
        assertThat(ExpositionText.number(1e-7)).isEqualTo("0.0000001");
        assertThat(ExpositionText.number(1.5e15)).isEqualTo("1500000000000000");
    }

    @Test
    void mistakesFailAtRegistration() {
        registry.counter("tabby_a_total", "a");
        assertThatThrownBy(() -> registry.gauge("tabby_a_total", "again"))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> registry.counter("9bad", "x")).hasMessageContaining("'9bad'");
        assertThatThrownBy(() -> registry.counter("tabby_b_total", "x", "__reserved"))
                .hasMessageContaining("'__reserved'");
        assertThatThrownBy(() -> registry.histogram("tabby_h", "x", new double[] {1, 1}))
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> registry.histogram("tabby_h", "x", new double[] {1}, "le"))
                .hasMessageContaining("'le'");
        LabelledFamily<Counter> labelled = registry.counter("tabby_c_total", "c", "node");
        assertThatThrownBy(() -> labelled.labels("a", "b")).hasMessageContaining("[node]");
        assertThatThrownBy(() -> labelled.labels("a").add(-1)).hasMessageContaining("only goes up");
    }
}
