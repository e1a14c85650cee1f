package io.tabby.node.cni;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.CniArgs;
import io.tabby.cni.spec.PodRef;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who one CNI attachment belongs to, with the names Calico derives from it: the IPAM handle
 * {@code <network>.<containerID>}, the workload endpoint key (orchestrator {@code k8s} and workload
 * {@code <namespace>.<pod>} for a pod, else {@code cni} and the container id; endpoint = ifname)
 * and the host-side veth {@code cali} + 11 hex digits of SHA-1 of the workload id.
 */
public record WorkloadIdentity(String node, String network, String containerId, String ifname,
                               Optional<PodRef> pod) {
    public static final String K8S = "k8s";
    public static final String CNI = "cni";
    private static final String VETH_PREFIX = "cali";
    private static final int VETH_HEX = 11;

    public WorkloadIdentity {
        requireNonNull(node, "node is null");
        requireNonNull(network, "network is null");
        requireNonNull(containerId, "containerId is null");
        requireNonNull(ifname, "ifname is null");
        requireNonNull(pod, "pod is null");
    }

    public static WorkloadIdentity of(String node, String network, String containerId, String ifname,
                                      CniArgs args) {
        return new WorkloadIdentity(node, network, containerId, ifname, args.pod());
    }

    public String handle() {
        return network + "." + containerId;
    }

    public String orchestrator() {
        return pod.isPresent() ? K8S : CNI;
    }

    public String workload() {
        return pod.map(PodRef::workloadId).orElse(containerId);
    }

    public WorkloadEndpointKey endpointKey() {
        return new WorkloadEndpointKey(node, orchestrator(), workload(), ifname);
    }

    /** The pod's Kubernetes namespace; plain CNI containers count as {@code default}. */
    public String namespace() {
        return pod.map(PodRef::namespace).orElse("default");
    }

    public String hostVeth() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(workload().getBytes(StandardCharsets.UTF_8));
            return VETH_PREFIX + HexFormat.of().formatHex(digest).substring(0, VETH_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    }
}
