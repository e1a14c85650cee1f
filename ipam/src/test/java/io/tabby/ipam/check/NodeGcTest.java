package io.tabby.ipam.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.testing.InMemoryBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.ipam.impl.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeGcTest {

    private final InMemoryBackend backend = new InMemoryBackend();
    private final DatastoreIpam ipam = new DatastoreIpam(backend);

    private IpAddr pod(String node, String pod) {
        Fixtures.put(backend, new HostMetadataKey(node), HostMetadata.EMPTY);
        IpAddr address = ipam.autoAssign(AssignRequest.of(1, 0, pod,
                AllocationAttributes.workload("default", pod, node, pod), node)).ipv4().getFirst();
        Fixtures.put(backend, new WorkloadEndpointKey(node, "k8s", "default." + pod, "eth0"),
                WorkloadEndpoint.active("cali" + pod, "ee:ee:ee:ee:ee:ee", List.of(), List.of(Cidr.host(address)),
                        List.of(), Map.of()));
        return address;
    }

    @Test
    void removingANodeReleasesItsAddressesAndBlocksButKeepsBorrowedLiveOnes() {
        Fixtures.pool(backend, "10.0.0.0/26");
        Fixtures.pool(backend, "10.1.0.0/26");
        IpAddr gone = pod("n1", "a");
        IpAddr borrowed = ipam.autoAssign(new AssignRequest(1, 0, "b", Map.of("node", "n2"), "n2",
                List.of(Cidr.parse("10.0.0.0/26")), List.of())).ipv4().getFirst();
        Fixtures.put(backend, new WorkloadEndpointKey("n2", "k8s", "default.b", "eth0"),
                WorkloadEndpoint.active("calib", "ee:ee:ee:ee:ee:ee", List.of(), List.of(Cidr.host(borrowed)),
                        List.of(), Map.of()));
        IpAddr tunnel = ipam.autoAssign(new AssignRequest(1, 0, "vxlan-n1",
                AllocationAttributes.tunnel("n1", AllocationAttributes.VXLAN_TUNNEL), "n1",
                List.of(Cidr.parse("10.1.0.0/26")), List.of())).ipv4().getFirst();
        backend.commit(List.of(TxnOp.deletePrefix(KeyPaths.hostPrefix("n1"))));

        GcResult result = new NodeGc(backend).releaseNode("n1");

        assertThat(result.releasedAddresses()).containsExactlyInAnyOrder(gone, tunnel);
        assertThat(result.unownedBlocks()).containsExactly(Cidr.parse("10.0.0.0/26"));
        assertThat(result.deletedBlocks()).containsExactly(Cidr.parse("10.1.0.0/26"));
        assertThat(backend.list(KeyPaths.ipamHostPrefix("n1")).kvs()).isEmpty();
        assertThat(Fixtures.get(backend, new BlockKey(Cidr.parse("10.0.0.0/26"))).affinity()).isNull();
        assertThat(ipam.ipsByHandle("b")).containsExactly(borrowed);
        assertThat(IpamChecker.check(new SnapshotReader(backend).read()).isClean()).isTrue();
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(1);
    }
}
