package io.tabby.datastore.path;

import io.tabby.datastore.model.EndpointStatus;

/**
 * {@code /calico/felix/v1/host/<node>/workload/<orchestrator>/<workload>/endpoint/<endpoint>}:
 * Felix's report on a workload endpoint, escaped like {@link WorkloadEndpointKey}.
 *
 * @param node the node name
 * @param orchestrator the orchestrator id
 * @param workload the workload id
 * @param endpoint the endpoint id
 */
public record WorkloadEndpointStatusKey(String node, String orchestrator, String workload, String endpoint)
        implements Key<EndpointStatus> {
    public WorkloadEndpointStatusKey {
        Segments.requirePlain(node, "node name");
        Segments.requireText(orchestrator, "orchestrator");
        Segments.requireText(workload, "workload");
        Segments.requireText(endpoint, "endpoint");
    }

    /** The status key of the endpoint at {@code key}. */
    public static WorkloadEndpointStatusKey of(WorkloadEndpointKey key) {
        return new WorkloadEndpointStatusKey(key.node(), key.orchestrator(), key.workload(), key.endpoint());
    }
}
