package io.tabby.ipam.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.testing.CountingBackend;
import io.tabby.ipam.AllocationAttributes;
import io.tabby.ipam.AssignRequest;
import io.tabby.ipam.AssignResult;
import io.tabby.ipam.PoolExhaustedException;
import io.tabby.ipam.check.GcResult;
import io.tabby.ipam.check.IpamChecker;
import io.tabby.ipam.check.IpamProblem;
import io.tabby.ipam.check.NodeGc;
import io.tabby.ipam.check.SnapshotReader;
import io.tabby.ipam.impl.DatastoreIpam;
import io.tabby.ipam.impl.Fixtures;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Block exhaustion, borrowing, IPv6 and node-removal GC against a real etcd, in Calico's key layout. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpamEtcdIT {

    private final EtcdServer etcd;
    private final Backend backend;
    private final DatastoreIpam ipam;

    IpamEtcdIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackends.connect(etcd);
        this.ipam = new DatastoreIpam(backend);
    }

    @AfterAll
    void close() {
        backend.close();
    }

    @BeforeEach
    void emptyKeyspace() {
        EtcdBackends.wipe(backend);
    }

    private IpAddr pod(String node, String pod, List<Cidr> pools) {
        Fixtures.put(backend, new HostMetadataKey(node), HostMetadata.EMPTY);
        IpAddr address = ipam.autoAssign(new AssignRequest(1, 0, "k8s-pod-network." + pod,
                AllocationAttributes.workload("default", pod, node, pod), node, pools, List.of())).ipv4().getFirst();
        Fixtures.put(backend, new WorkloadEndpointKey(node, "k8s", "default." + pod, "eth0"),
                WorkloadEndpoint.active("cali" + pod, "ee:ee:ee:ee:ee:ee", List.of(), List.of(Cidr.host(address)),
                        List.of(), Map.of()));
        return address;
    }

    @Test
    void blocksFillThenNodesBorrowThenThePoolIsExhausted() {
        Fixtures.pool(backend, "10.10.0.0/25");
        Set<IpAddr> all = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            all.add(pod("n1", "a" + i, List.of()));
        }
        for (int i = 0; i < 64; i++) {
            all.add(pod("n2", "b" + i, List.of()));
        }
        assertThat(all).hasSize(128);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(1);
        assertThat(backend.list(KeyPaths.affinityPrefix("n2", IpFamily.V4)).kvs()).hasSize(1);

        assertThatThrownBy(() -> pod("n3", "c0", List.of()))
                .isInstanceOf(PoolExhaustedException.class).hasMessageContaining("10.10.0.0/25");

        IpAddr freed = ipam.releaseByHandle("k8s-pod-network.a5").getFirst();
        backend.commit(List.of(TxnOp.remove(new WorkloadEndpointKey("n1", "k8s", "default.a5", "eth0").path())));
        IpAddr borrowed = pod("n3", "c0", List.of());
        assertThat(borrowed).isEqualTo(freed);

        Cidr n1Block = backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs().stream()
                .map(kv -> ((io.tabby.datastore.path.BlockAffinityKey) KeyPaths.parse(kv.key())).cidr())
                .findFirst().orElseThrow();
        assertThat(n1Block.contains(borrowed)).isTrue();
        assertThat(backend.list(KeyPaths.affinityPrefix("n3", IpFamily.V4)).kvs()).isEmpty();
        assertThat(IpamChecker.check(new SnapshotReader(backend).read()).problems()).isEmpty();
    }

    @Test
    void dualStackWritesCalicosKeysReadableWithEtcdctl() {
        Fixtures.pool(backend, "10.20.0.0/24");
        Fixtures.pool(backend, "fd80:24e2:f998:72d6::/64");

        AssignResult result = ipam.autoAssign(AssignRequest.of(1, 1, "k8s-pod-network.c1", Map.of(), "n1"));

        Cidr v6Block = Cidr.of(result.ipv6().getFirst(), 122);
        String json = etcd.etcdctl("get", "--print-value-only", new BlockKey(v6Block).path()).strip();
        assertThat(json).startsWith("{\"cidr\":\"" + v6Block + "\",\"affinity\":\"host:n1\"");
        String handle = etcd.etcdctl("get", "--print-value-only", "/calico/ipam/v2/handle/k8s-pod-network.c1").strip();
        assertThat(handle).contains("\"" + v6Block + "\":1").contains("\"" + Cidr.of(result.ipv4().getFirst(), 26)
                + "\":1");
        String affinity = etcd.etcdctl("get", "--print-value-only",
                "/calico/ipam/v2/host/n1/ipv6/block/" + v6Block.keySegment()).strip();
        assertThat(affinity).isEqualTo("{\"state\":\"confirmed\",\"deleted\":false}");
    }

    @Test
    void removingANodeFreesItsAddressesAndBlocks() {
        Fixtures.pool(backend, "10.30.0.0/24");
        List<IpAddr> n1 = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            n1.add(pod("n1", "x" + i, List.of()));
        }
        IpAddr survivor = pod("n2", "y0", List.of());

        backend.commit(List.of(TxnOp.deletePrefix(KeyPaths.hostPrefix("n1"))));
        GcResult gc = new NodeGc(backend).releaseNode("n1");

        assertThat(gc.releasedAddresses()).containsExactlyInAnyOrderElementsOf(n1);
        assertThat(gc.deletedBlocks()).hasSize(1);
        assertThat(backend.list(KeyPaths.ipamHostPrefix("n1")).kvs()).isEmpty();
        assertThat(backend.get(new BlockKey(gc.deletedBlocks().getFirst()).path())).isEmpty();
        assertThat(ipam.ipsByHandle("k8s-pod-network.y0")).containsExactly(survivor);
        assertThat(IpamChecker.check(new SnapshotReader(backend).read()).problems()).isEmpty();
        AllocationBlock n2Block = Fixtures.get(backend, new BlockKey(Cidr.of(survivor, 26)));
        assertThat(n2Block.affineNode()).isEqualTo("n2");
    }

    @Test
    void aFullBlockCostsOneClaimOfThreeWritesAndAStaleCacheNeverClaimsPastFreedRoom() {
        Fixtures.pool(backend, "10.40.0.0/24", 30, false, null);
        CountingBackend counted = new CountingBackend(backend);
        DatastoreIpam node = new DatastoreIpam(counted);
        List<IpAddr> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(node.autoAssign(AssignRequest.of(1, 0, "c" + i,
                    AllocationAttributes.workload("default", "c" + i, "n1", "c" + i), "n1")).ipv4().getFirst());
        }
        Cidr full = Cidr.of(first.getFirst(), 30);
        assertThat(first).allMatch(full::contains);

        long before = counted.requests();
        IpAddr next = node.autoAssign(AssignRequest.of(1, 0, "c4",
                AllocationAttributes.workload("default", "c4", "n1", "c4"), "n1")).ipv4().getFirst();
        assertThat(counted.requests() - before).isEqualTo(4L); // pending affinity, block, confirm, assignment
        Cidr second = Cidr.of(next, 30);
        assertThat(second).isNotEqualTo(full);

        for (int i = 5; i < 8; i++) { // fills the second block too
            IpAddr got = node.autoAssign(AssignRequest.of(1, 0, "c" + i,
                    AllocationAttributes.workload("default", "c" + i, "n1", "c" + i), "n1")).ipv4().getFirst();
            assertThat(second.contains(got)).isTrue();
        }
        ipam.releaseByHandle("c2"); // another process frees room in the first block: n1's cache says it is full

        IpAddr reused = node.autoAssign(AssignRequest.of(1, 0, "c8",
                AllocationAttributes.workload("default", "c8", "n1", "c8"), "n1")).ipv4().getFirst();

        assertThat(reused).isEqualTo(first.get(2));
        assertThat(backend.list(KeyPaths.blockPrefix(IpFamily.V4)).kvs()).hasSize(2);
        assertThat(backend.list(KeyPaths.affinityPrefix("n1", IpFamily.V4)).kvs()).hasSize(2);
        // no workload endpoints here, so leaks are expected; nothing else may be wrong
        assertThat(IpamChecker.check(new SnapshotReader(backend).read()).problems())
                .allMatch(problem -> problem instanceof IpamProblem.LeakedAddress);
    }
}
