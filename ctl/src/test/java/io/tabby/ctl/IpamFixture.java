package io.tabby.ctl;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.impl.DatastoreIpam;
import java.util.List;
import java.util.Map;

/**
 * IPAM data as the CNI plugin leaves it: pools, nodes, pods with addresses assigned through
 * {@link DatastoreIpam} and, unless a test wants a leak, their workload endpoints.
 */
public final class IpamFixture {

    private final Backend backend;
    private final DatastoreIpam ipam;

    public IpamFixture(Backend backend) {
        this.backend = backend;
        this.ipam = new DatastoreIpam(backend);
    }

    public IpamFixture pool(String cidr) {
        return pool(cidr, false);
    }

    public IpamFixture pool(String cidr, boolean disabled) {
        Cidr network = Cidr.parse(cidr);
        put(new IpPoolKey(network), new IpPool(network, "", null, null, false, !disabled, disabled, null, null, null,
                null, UnknownFields.NONE));
        return this;
    }

    public IpamFixture deletePool(String cidr) {
        String path = new IpPoolKey(Cidr.parse(cidr)).path();
        backend.delete(path, backend.get(path).orElseThrow().modRevision());
        return this;
    }

    public IpamFixture node(String node) {
        put(new HostMetadataKey(node), HostMetadata.EMPTY);
        return this;
    }

    /** Assigns {@code v4} + {@code v6} addresses to pod {@code pod} on {@code node}, without its endpoint. */
    public AssignResult assign(String node, String pod, int v4, int v6) {
        return ipam.autoAssign(AssignRequest.of(v4, v6, handle(pod),
                AllocationAttributes.workload("default", pod, node, "c-" + pod), node));
    }

    /** Assigns one IPv4 address from {@code pool} to pod {@code pod} on {@code node} and writes its endpoint. */
    public AssignResult podIn(String pool, String node, String pod) {
        AssignResult result = ipam.autoAssign(new AssignRequest(1, 0, handle(pod),
                AllocationAttributes.workload("default", pod, node, "c-" + pod), node, List.of(Cidr.parse(pool)),
                List.of()));
        endpoint(node, pod, result);
        return result;
    }

    /** Assigns as {@link #assign} and writes the pod's workload endpoint with those addresses. */
    public AssignResult pod(String node, String pod, int v4, int v6) {
        AssignResult result = assign(node, pod, v4, v6);
        endpoint(node, pod, result);
        return result;
    }

    /** Writes pod {@code pod}'s workload endpoint on {@code node} using {@code addresses}. */
    public void endpoint(String node, String pod, AssignResult addresses) {
        put(new WorkloadEndpointKey(node, "k8s", "default." + pod, "eth0"),
                WorkloadEndpoint.active("cali" + pod, "ee:ee:ee:ee:ee:ee", List.of("kns.default"),
                        addresses.ipv4().stream().map(Cidr::host).toList(),
                        addresses.ipv6().stream().map(Cidr::host).toList(), Map.of()));
    }

    public static String handle(String pod) {
        return "k8s-pod-network.c-" + pod;
    }

    public static AssignResult v4(String address) {
        return new AssignResult(List.of(IpAddr.parse(address)), List.of());
    }

    private <V> void put(Key<V> key, V value) {
        backend.put(key.path(), ValueCodec.INSTANCE.encode(key, value));
    }
}
