package io.tabby.datastore.path;

import io.tabby.datastore.model.WorkloadEndpoint;

/**
 * {@code /calico/v1/host/<node>/workload/<orchestrator>/<workload>/endpoint/<endpoint>}. The
 * last three are free text, escaped in the path. Kubernetes: orchestrator {@code k8s},
 * workload {@code <namespace>.<pod>}, endpoint {@code eth0}; plain CNI: orchestrator
 * {@code cni}, workload the container id, endpoint the interface name.
 *
 * @param node the node name
 * @param orchestrator the orchestrator id
 * @param workload the workload id
 * @param endpoint the endpoint id
 */
public record WorkloadEndpointKey(String node, String orchestrator, String workload, String endpoint)
        implements Key<WorkloadEndpoint> {
    public WorkloadEndpointKey {
        Segments.requirePlain(node, "node name");
        Segments.requireText(orchestrator, "orchestrator");
        Segments.requireText(workload, "workload");
        Segments.requireText(endpoint, "endpoint");
    }
}
