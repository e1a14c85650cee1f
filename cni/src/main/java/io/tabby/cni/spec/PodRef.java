package io.tabby.cni.spec;

import static java.util.Objects.requireNonNull;

/** A Kubernetes pod named by {@code K8S_POD_NAMESPACE} and {@code K8S_POD_NAME}. */
public record PodRef(String namespace, String name) {
    public PodRef {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        if (namespace.isEmpty() || name.isEmpty()) {
            throw new IllegalArgumentException("pod namespace and name must not be empty");
        }
    }

    /** Calico's workload id for a pod: {@code <namespace>.<pod>}. */
    public String workloadId() {
        return namespace + "." + name;
    }
}
