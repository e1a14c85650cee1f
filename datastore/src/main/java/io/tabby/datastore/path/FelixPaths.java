package io.tabby.datastore.path;

import io.tabby.datastore.model.Quote;

/** {@code /calico/felix/v1/host/<node>/...}: Felix's liveness and endpoint status reports. */
final class FelixPaths {

    private static final String HOST = KeyPaths.FELIX + "host/<node>/";
    private static final Shape ANY = new Shape("Felix status", HOST + "<status|last_reported_status|"
            + "endpoint/<endpoint>|workload/<orchestrator>/<workload>/endpoint/<endpoint>>");
    private static final Shape STATUS = new Shape("Felix status", HOST + "<status|last_reported_status>");
    private static final Shape HOST_ENDPOINT = new Shape("host endpoint status", HOST + "endpoint/<endpoint>");
    private static final Shape WORKLOAD = new Shape("workload endpoint status",
            HOST + "workload/<orchestrator>/<workload>/endpoint/<endpoint>");

    private FelixPaths() {}

    static String status(FelixStatusKey key) {
        return KeyPaths.felixHostPrefix(key.node()) + key.kind().segment();
    }

    static String hostEndpoint(HostEndpointStatusKey key) {
        return KeyPaths.felixHostPrefix(key.node()) + "endpoint/" + Segments.escape(key.endpoint());
    }

    static String workloadEndpoint(WorkloadEndpointStatusKey key) {
        return KeyPaths.felixHostPrefix(key.node()) + "workload/"
                + HostPaths.workloadTail(key.orchestrator(), key.workload(), key.endpoint());
    }

    static Key<?> parse(SplitPath p) {
        if (p.size() < 6) {
            throw p.incomplete(ANY);
        }
        p.literal(2, "v1", ANY);
        p.literal(3, "host", ANY);
        String node = p.plain(4, "node name", ANY);
        String kind = p.at(5);
        FelixStatusKind statusKind = FelixStatusKind.fromSegment(kind);
        if (statusKind != null) {
            p.requireSize(6, STATUS);
            return new FelixStatusKey(node, statusKind);
        }
        return switch (kind) {
            case "endpoint" -> {
                p.requireSize(7, HOST_ENDPOINT);
                yield new HostEndpointStatusKey(node, p.text(6, "endpoint", HOST_ENDPOINT));
            }
            case "workload" -> {
                p.requireSize(10, WORKLOAD);
                p.literal(8, "endpoint", WORKLOAD);
                yield new WorkloadEndpointStatusKey(node, p.text(6, "orchestrator", WORKLOAD),
                        p.text(7, "workload", WORKLOAD), p.text(9, "endpoint", WORKLOAD));
            }
            default -> throw p.fail(ANY, "unknown entry " + Quote.of(kind));
        };
    }
}
