package io.tabby.node.metrics;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The node agent's own families, registered once, with the calls the parts make: CNI request
 * latency, IPAM operations, felix apply latency and failures, syncer status; BGP sessions by state
 * and routes by table are read from their owners at scrape time.
 */
public final class NodeMetrics {

    /** Latency buckets in seconds, 1 ms to 10 s (CNI requests, felix applies). */
    public static final double[] LATENCY_BUCKETS =
            {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LabelledFamily<Histogram> cniRequests;
    private final LabelledFamily<Counter> ipamOperations;
    private final LabelledFamily<Histogram> felixApplies;
    private final LabelledFamily<Counter> felixApplyFailures;
    private final LabelledFamily<Gauge> syncerInSync;
    private final LabelledFamily<Counter> syncerResyncs;

    /**
     * @param bgpSessionsByState sessions per FSM state ({@code Established}, {@code Active}, ...)
     * @param routesByTable routes per routing table ({@code master}, kernel table ids, ...)
     */
    public NodeMetrics(MetricRegistry registry, Supplier<Map<String, Long>> bgpSessionsByState,
            Supplier<Map<String, Long>> routesByTable) {
        requireNonNull(registry, "registry is null");
        cniRequests = registry.histogram("tabby_cni_request_duration_seconds",
                "Time to serve a CNI request from the plugin, by command and result.", LATENCY_BUCKETS,
                "command", "result");
        ipamOperations = registry.counter("tabby_ipam_operations_total",
                "IPAM operations (assign, release, ...) by result.", "operation", "result");
        felixApplies = registry.histogram("tabby_felix_apply_duration_seconds",
                "Time to apply a dataplane update (routes, iptables, ipsets).", LATENCY_BUCKETS);
        felixApplyFailures = registry.counter("tabby_felix_apply_failures_total",
                "Dataplane updates that failed and will be retried.");
        syncerInSync = registry.gauge("tabby_syncer_in_sync",
                "1 when the datastore syncer is in sync with etcd, else 0.");
        syncerResyncs = registry.counter("tabby_syncer_resyncs_total",
                "Times the syncer re-listed the datastore (start, lost watch, compaction).");
        registry.gaugeCallback("tabby_bgp_sessions", "BGP sessions of this node by FSM state.",
                () -> byOneLabel(bgpSessionsByState.get()), "state");
        registry.gaugeCallback("tabby_bgp_routes", "Routes in the BGP daemon's tables, by table.",
                () -> byOneLabel(routesByTable.get()), "table");
        syncerInSync.labels().set(0);
        felixApplyFailures.labels();
    }

    public void cniRequest(String command, String result, Duration took) {
        cniRequests.labels(command, result).observe(took);
    }

    public void ipamOperation(String operation, String result) {
        ipamOperations.labels(operation, result).inc();
    }

    public void felixApplied(Duration took) {
        felixApplies.labels().observe(took);
    }

    public void felixApplyFailed() {
        felixApplyFailures.labels().inc();
    }

    public void syncerInSync(boolean inSync) {
        syncerInSync.labels().set(inSync ? 1 : 0);
    }

    public void syncerResynced() {
        syncerResyncs.labels().inc();
    }

    private static Map<List<String>, Double> byOneLabel(Map<String, Long> counts) {
        Map<List<String>, Double> values = new LinkedHashMap<>();
        counts.forEach((label, count) -> values.put(List.of(label), count.doubleValue()));
        return values;
    }
}
