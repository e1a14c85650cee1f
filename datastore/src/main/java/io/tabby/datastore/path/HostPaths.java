package io.tabby.datastore.path;

import io.tabby.datastore.model.Quote;

/**
 * {@code /calico/v1/host/<node>/...}: metadata, bird_ip, orchestrator_refs, per-node config,
 * host endpoints and workload endpoints.
 */
final class HostPaths {

    private static final String HOST = KeyPaths.V1 + "host/<node>/";
    private static final Shape ANY = new Shape("host", HOST + "<metadata|bird_ip|orchestrator_refs|config/<name>|"
            + "endpoint/<endpoint>|workload/<orchestrator>/<workload>/endpoint/<endpoint>>");
    private static final Shape METADATA = new Shape("host metadata", HOST + "metadata");
    private static final Shape BIRD_IP = new Shape("bird_ip", HOST + "bird_ip");
    private static final Shape ORCH_REFS = new Shape("orchestrator_refs", HOST + "orchestrator_refs");
    private static final Shape CONFIG = new Shape("host config", HOST + "config/<name>");
    private static final Shape HOST_ENDPOINT = new Shape("host endpoint", HOST + "endpoint/<endpoint>");
    static final Shape WORKLOAD = new Shape("workload endpoint",
            HOST + "workload/<orchestrator>/<workload>/endpoint/<endpoint>");

    private HostPaths() {}

    static String metadata(HostMetadataKey key) {
        return KeyPaths.hostPrefix(key.node()) + "metadata";
    }

    static String birdIp(HostBirdIpKey key) {
        return KeyPaths.hostPrefix(key.node()) + "bird_ip";
    }

    static String orchestratorRefs(OrchestratorRefsKey key) {
        return KeyPaths.hostPrefix(key.node()) + "orchestrator_refs";
    }

    static String config(HostConfigKey key) {
        return KeyPaths.hostPrefix(key.node()) + "config/" + key.name();
    }

    static String hostEndpoint(HostEndpointKey key) {
        return KeyPaths.hostPrefix(key.node()) + "endpoint/" + Segments.escape(key.endpoint());
    }

    static String workloadEndpoint(WorkloadEndpointKey key) {
        return KeyPaths.workloadPrefix(key.node()) + workloadTail(key.orchestrator(), key.workload(), key.endpoint());
    }

    /** {@code <orchestrator>/<workload>/endpoint/<endpoint>}, escaped. */
    static String workloadTail(String orchestrator, String workload, String endpoint) {
        return Segments.escape(orchestrator) + "/" + Segments.escape(workload) + "/endpoint/"
                + Segments.escape(endpoint);
    }

    static Key<?> parse(SplitPath p) {
        if (p.size() < 5) {
            throw p.incomplete(ANY);
        }
        String node = p.plain(3, "node name", ANY);
        String kind = p.at(4);
        return switch (kind) {
            case "metadata" -> {
                p.requireSize(5, METADATA);
                yield new HostMetadataKey(node);
            }
            case "bird_ip" -> {
                p.requireSize(5, BIRD_IP);
                yield new HostBirdIpKey(node);
            }
            case "orchestrator_refs" -> {
                p.requireSize(5, ORCH_REFS);
                yield new OrchestratorRefsKey(node);
            }
            case "config" -> {
                p.requireSize(6, CONFIG);
                yield new HostConfigKey(node, p.plain(5, "config name", CONFIG));
            }
            case "endpoint" -> {
                p.requireSize(6, HOST_ENDPOINT);
                yield new HostEndpointKey(node, p.text(5, "endpoint", HOST_ENDPOINT));
            }
            case "workload" -> {
                p.requireSize(9, WORKLOAD);
                p.literal(7, "endpoint", WORKLOAD);
                yield new WorkloadEndpointKey(node, p.text(5, "orchestrator", WORKLOAD),
                        p.text(6, "workload", WORKLOAD), p.text(8, "endpoint", WORKLOAD));
            }
            default -> throw p.fail(ANY, "unknown entry " + Quote.of(kind));
        };
    }
}
