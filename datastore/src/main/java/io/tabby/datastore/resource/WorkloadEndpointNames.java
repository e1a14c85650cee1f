package io.tabby.datastore.resource;

import java.util.List;

/**
 * Calico's v3 workload endpoint names: {@code <node>-<orchestrator>-<workload>-<endpoint>}, where
 * each part has its own {@code -} doubled (so node {@code node-1}, pod {@code nginx}, endpoint
 * {@code eth0} give {@code node--1-k8s-nginx-eth0}); for orchestrator {@code k8s} the workload
 * part is the pod name.
 */
public final class WorkloadEndpointNames {
    private WorkloadEndpointNames() {
    }

    /** The name of the endpoint the spec describes. */
    public static String of(WorkloadEndpointSpec spec) {
        String workload = spec.orchestrator().equals(WorkloadEndpointSpec.K8S) ? spec.pod() : spec.workload();
        return of(spec.node(), spec.orchestrator(), workload, spec.endpoint());
    }

    public static String of(String node, String orchestrator, String workload, String endpoint) {
        return String.join("-", List.of(node, orchestrator, workload, endpoint).stream()
                .map(part -> part.replace("-", "--")).toList());
    }
}
