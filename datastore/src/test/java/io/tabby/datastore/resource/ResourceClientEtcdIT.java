package io.tabby.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.backend.Backend;
import io.tabby.datastore.backend.EtcdSettings;
import io.tabby.datastore.backend.TxnOp;
import io.tabby.datastore.backend.etcd.EtcdBackend;
import io.tabby.testkit.etcd.EtcdServer;
import io.tabby.testkit.etcd.RealEtcd;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Resources through a real etcd: what etcdctl then shows, and compare-and-swap against a real concurrent writer. */
@RealEtcd
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceClientEtcdIT {
    private final EtcdServer etcd;
    private final Backend backend;
    private final InterferingBackend interfering;
    private final ResourceClient client;
    private final ResourceParser parser = new ResourceParser();

    ResourceClientEtcdIT(EtcdServer etcd) {
        this.etcd = etcd;
        this.backend = EtcdBackend.connect(EtcdSettings.of(etcd.endpoints())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2)));
        this.interfering = new InterferingBackend(backend);
        this.client = new ResourceClient(interfering);
    }

    @BeforeEach
    void emptyStore() {
        backend.commit(List.of(TxnOp.deletePrefix("/calico/")));
    }

    @AfterAll
    void closeBackend() {
        backend.close();
    }

    private String etcdctlValue(String key) {
        return etcd.etcdctl("get", key, "--print-value-only").strip();
    }

    @Test
    void appliedV1PoolIsTheClassicKeyInEtcd() {
        client.apply(parser.parse("pool.yaml", """
                apiVersion: v1
                kind: ipPool
                metadata:
                  cidr: 192.168.0.0/16
                spec:
                  ipip:
                    enabled: true
                  nat-outgoing: true
                """), false);

        assertThat(etcdctlValue("/calico/v1/ipam/v4/pool/192.168.0.0-16")).isEqualTo(
                "{\"cidr\":\"192.168.0.0/16\",\"ipip\":\"tunl0\",\"masquerade\":true,\"ipam\":true,\"disabled\":false}");
        assertThat(client.get(ResourceKind.IP_POOL, "192-168-0-0-16").metadata().resourceVersion())
                .isEqualTo(Long.toString(etcd.currentRevision()));
    }

    @Test
    void nodeWrittenReadAndDeleted() {
        List<Resource> node = parser.parse("node.yaml", """
                apiVersion: projectcalico.org/v3
                kind: Node
                metadata: {name: node1}
                spec:
                  bgp: {ipv4Address: 10.0.2.15/24, asNumber: 64513}
                """);
        client.create(node, false);

        assertThat(etcdctlValue("/calico/bgp/v1/host/node1/ip_addr_v4")).isEqualTo("10.0.2.15");
        assertThat(etcdctlValue("/calico/bgp/v1/host/node1/network_v4")).isEqualTo("10.0.2.0/24");
        assertThat(etcdctlValue("/calico/v1/host/node1/metadata")).isEqualTo("{}");
        Resource read = client.get(ResourceKind.NODE, "node1");
        assertThat(read.withMetadata(read.metadata().withResourceVersion(""))).isEqualTo(node.getFirst());

        client.delete(ResourceKind.NODE, "node1", false);
        assertThat(etcd.etcdctl("get", "--prefix", "/calico/", "--keys-only").strip()).isEmpty();
    }

    @Test
    void aConcurrentWriterMakesTheTransactionFail() {
        client.create(parser.parse("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p1}
                spec: {cidr: 10.0.0.0/16}
                """), false);
        String theirs = "{\"cidr\":\"10.0.0.0/16\",\"ipip\":\"\",\"masquerade\":true,\"ipam\":true,\"disabled\":false,\"name\":\"p1\"}";
        interfering.beforeCommit(() -> etcd.etcdctl("put", "/calico/v1/ipam/v4/pool/10.0.0.0-16", theirs));

        assertThatThrownBy(() -> client.replace(parser.parse("p.yaml", """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p1}
                spec: {cidr: 10.0.0.0/16, ipipMode: Always}
                """), false))
                .isInstanceOf(ResourceConflictException.class);
        assertThat(etcdctlValue("/calico/v1/ipam/v4/pool/10.0.0.0-16")).isEqualTo(theirs);
    }
}
