package io.tabby.ctl.policy;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.List;

/**
 * A workload endpoint as {@code tabbyctl get workloadendpoints -o wide} lists it.
 *
 * @param key its v1 key
 * @param namespace its namespace
 * @param name its v3 name ({@code <node>-k8s-<pod>-<endpoint>})
 * @param workload the pod (Kubernetes) or workload id
 * @param node the node it runs on
 * @param addresses its addresses, IPv4 first
 */
public record EndpointRef(WorkloadEndpointKey key, String namespace, String name, String workload, String node,
        List<IpAddr> addresses) {
    public EndpointRef {
        requireNonNull(key, "key is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        requireNonNull(workload, "workload is null");
        requireNonNull(node, "node is null");
        addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
    }

    /** {@code <namespace>/<name>}. */
    public String id() {
        return namespace + "/" + name;
    }
}
