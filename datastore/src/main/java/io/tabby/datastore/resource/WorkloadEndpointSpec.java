package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The v3 {@code WorkloadEndpoint} spec. The v1 key holds node, orchestrator, workload and endpoint;
 * for orchestrator {@code k8s} the workload is {@code <namespace>.<pod>}.
 *
 * @param orchestrator {@code k8s}, {@code cni}, ...
 * @param workload the workload id (non-Kubernetes orchestrators)
 * @param node the node
 * @param containerID the container id (not kept in the v1 layout; read back empty)
 * @param pod the pod name (orchestrator {@code k8s})
 * @param endpoint the endpoint id, usually the pod-side interface name ({@code eth0})
 * @param ipNetworks the endpoint's addresses as CIDRs
 * @param ipNATs floating IPs
 * @param ipv4Gateway the IPv4 gateway, or {@code ""}
 * @param ipv6Gateway the IPv6 gateway, or {@code ""}
 * @param profiles profiles whose rules and labels apply
 * @param interfaceName the host-side interface ({@code cali...})
 * @param mac the pod-side MAC, or {@code ""}
 */
public record WorkloadEndpointSpec(String orchestrator, String workload, String node, String containerID, String pod,
        String endpoint, List<String> ipNetworks, List<IpNat> ipNATs, String ipv4Gateway, String ipv6Gateway,
        List<String> profiles, String interfaceName, String mac) {

    /** The Kubernetes orchestrator id. */
    public static final String K8S = "k8s";

    /**
     * A floating IP.
     *
     * @param internalIP one of the endpoint's addresses
     * @param externalIP the address it is reachable at
     */
    public record IpNat(String internalIP, String externalIP) {
        public IpNat {
            requireNonNull(internalIP, "internalIP is null");
            requireNonNull(externalIP, "externalIP is null");
        }
    }

    public WorkloadEndpointSpec {
        requireNonNull(orchestrator, "orchestrator is null");
        requireNonNull(workload, "workload is null");
        requireNonNull(node, "node is null");
        requireNonNull(containerID, "containerID is null");
        requireNonNull(pod, "pod is null");
        requireNonNull(endpoint, "endpoint is null");
        ipNetworks = List.copyOf(requireNonNull(ipNetworks, "ipNetworks is null"));
        ipNATs = List.copyOf(requireNonNull(ipNATs, "ipNATs is null"));
        requireNonNull(ipv4Gateway, "ipv4Gateway is null");
        requireNonNull(ipv6Gateway, "ipv6Gateway is null");
        profiles = List.copyOf(requireNonNull(profiles, "profiles is null"));
        requireNonNull(interfaceName, "interfaceName is null");
        requireNonNull(mac, "mac is null");
    }
}
