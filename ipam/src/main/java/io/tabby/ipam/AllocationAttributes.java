package io.tabby.ipam;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of the per-allocation attributes Calico v3 stores in a block's {@code secondary}
 * map, and builders for the two kinds of owner: a workload and a node's tunnel device.
 */
public final class AllocationAttributes {

    public static final String NODE = "node";
    public static final String NAMESPACE = "namespace";
    public static final String POD = "pod";
    /** Tabby's addition: the container the address was assigned for. */
    public static final String CONTAINER_ID = "containerID";
    public static final String TYPE = "type";
    /** When the address was assigned, in {@link AllocationTimestamp}'s form (Calico v3 writes it too). */
    public static final String TIMESTAMP = "timestamp";
    public static final String IPIP_TUNNEL = "ipipTunnelAddress";
    public static final String VXLAN_TUNNEL = "vxlanTunnelAddress";
    public static final String WIREGUARD_TUNNEL = "wireguardTunnelAddress";

    private AllocationAttributes() {}

    /** The attributes of a pod's address. */
    public static Map<String, String> workload(String namespace, String pod, String node, String containerId) {
        return Map.of(NAMESPACE, requireNonNull(namespace, "namespace is null"), POD, requireNonNull(pod, "pod is null"),
                NODE, requireNonNull(node, "node is null"), CONTAINER_ID, requireNonNull(containerId, "containerId is null"));
    }

    /**
     * The attributes of a pod's address assigned at {@code assignedAt}: as {@link #workload(String,
     * String, String, String)} plus {@link #TIMESTAMP}, which keeps a leak check from taking an
     * address whose ADD is still running for a leak.
     */
    public static Map<String, String> workload(String namespace, String pod, String node, String containerId,
            Instant assignedAt) {
        Map<String, String> attributes = new HashMap<>(workload(namespace, pod, node, containerId));
        attributes.put(TIMESTAMP, AllocationTimestamp.format(requireNonNull(assignedAt, "assignedAt is null")));
        return Map.copyOf(attributes);
    }

    /** The attributes of a node's tunnel address; {@code type} is one of the tunnel type names. */
    public static Map<String, String> tunnel(String node, String type) {
        return Map.of(NODE, requireNonNull(node, "node is null"), TYPE, requireNonNull(type, "type is null"));
    }

    /** True when {@code type} names a node tunnel address (which is not a leak while its node exists). */
    public static boolean isTunnelType(String type) {
        return IPIP_TUNNEL.equals(type) || VXLAN_TUNNEL.equals(type) || WIREGUARD_TUNNEL.equals(type);
    }
}
