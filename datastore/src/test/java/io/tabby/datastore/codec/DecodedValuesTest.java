package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.ResourceKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden values decode to the records one would expect. */
class DecodedValuesTest {

    private final ValueCodec codec = ValueCodec.INSTANCE;
    private final Cidr pool16 = Cidr.parse("192.168.0.0/16");
    private final Cidr block26 = Cidr.parse("192.168.1.0/26");

    @Test
    void poolsTrackWhichOptionalFieldsWereThere() {
        IpPool v10 = codec.decode(new IpPoolKey(pool16), Golden.read("pool-v1.0.json"));
        IpPool v17 = codec.decode(new IpPoolKey(pool16), Golden.read("pool-v1.7.json"));
        IpPool tabby = codec.decode(new IpPoolKey(pool16), Golden.read("pool-tabby.json"));

        assertThat(v10.ipipMode()).isNull();
        assertThat(v10.effectiveIpipMode()).isEqualTo(EncapMode.ALWAYS);
        assertThat(v10.masquerade()).isTrue();
        assertThat(v10.hasDerivedName()).isTrue();
        assertThat(v17.ipipMode()).isEqualTo(EncapMode.ALWAYS);
        assertThat(tabby.blockSize()).isEqualTo(26);
        assertThat(tabby.nodeSelector()).isEqualTo("all()");
        assertThat(tabby.name()).isEqualTo("default-ipv4-ippool");
        assertThat(tabby.effectiveIpipMode()).isEqualTo(EncapMode.CROSS_SUBNET);
    }

    @Test
    void peersReadTheStringAsNumber() {
        BgpPeer peer = codec.decode(new GlobalBgpPeerKey(IpAddr.parse("10.0.0.5")), Golden.read("peer-v1.json"));

        assertThat(peer).isEqualTo(BgpPeer.of(IpAddr.parse("10.0.0.5"), 64513));
    }

    @Test
    void blocksKeepSlotsAttributesAndOrder() {
        AllocationBlock v17 = codec.decode(new BlockKey(block26), Golden.read("block-v1.7.json"));
        AllocationBlock v3 = codec.decode(new BlockKey(block26), Golden.read("block-v3.json"));

        assertThat(v17.affineNode()).isEqualTo("node-1");
        assertThat(v17.allocations()).hasSize(64).startsWith(0, 1, 1, null);
        assertThat(v17.unallocated()).hasSize(61).startsWith(3);
        assertThat(v17.attributes()).hasSize(2);
        assertThat(v17.attributes().get(0).handleId()).isNull();
        assertThat(v17.attributes().get(1).handleId()).isEqualTo("default.nginx");
        assertThat(v17.deleted()).isNull();
        assertThat(v3.deleted()).isFalse();
        assertThat(v3.unallocated()).endsWith(1, 2, 3, 4);
        assertThat(v3.attributes().get(1).secondary()).containsEntry("pod", "nginx-5d8f");
    }

    @Test
    void affinitiesOfBothFormsAreConfirmed() {
        BlockAffinityKey key = new BlockAffinityKey("node-1", block26);

        BlockAffinity v1 = codec.decode(key, "{}");
        BlockAffinity v3 = codec.decode(key, Golden.read("affinity-v3.json"));

        assertThat(v1).isEqualTo(BlockAffinity.legacyConfirmed());
        assertThat(v1.effectiveState()).isEqualTo(AffinityState.CONFIRMED);
        assertThat(v3).isEqualTo(BlockAffinity.of(AffinityState.CONFIRMED));
        assertThat(codec.decode(key, Golden.read("affinity-v3-pending.json")).effectiveState())
                .isEqualTo(AffinityState.PENDING);
    }

    @Test
    void handlesCountAddressesPerBlock() {
        IpamHandle handle = codec.decode(new IpamHandleKey("h"), Golden.read("handle-v3.json"));

        assertThat(handle).isEqualTo(IpamHandle.of(Map.of(Cidr.parse("10.0.0.0/26"), 1, block26, 2)));
    }

    @Test
    void workloadEndpointsAsCniWritesThem() {
        WorkloadEndpoint endpoint = codec.decode(new WorkloadEndpointKey("node-1", "k8s", "default.nginx", "eth0"),
                Golden.read("workload-endpoint-cni-v1.json"));

        assertThat(endpoint).isEqualTo(WorkloadEndpoint.active("cali0123456789a", "0a:58:c0:a8:01:02",
                List.of("k8s_ns.default"), List.of(Cidr.parse("192.168.1.2/32")), List.of(),
                Map.of("calico/k8s_ns", "default", "run", "nginx")));
    }

    @Test
    void policiesKeepRuleDetail() {
        Policy policy = codec.decode(new PolicyKey("default", "web"), Golden.read("policy.json"));

        assertThat(policy.order()).isEqualTo(1000.0);
        assertThat(policy.selector()).isEqualTo("role == 'web' && env != 'dev'");
        Rule first = policy.inboundRules().get(0);
        assertThat(first.protocol()).isEqualTo(Protocol.of("tcp"));
        assertThat(first.dst().ports())
                .containsExactly(RulePort.single(80), RulePort.range(8000, 8080), RulePort.named("http"));
        Rule second = policy.inboundRules().get(1);
        assertThat(second.protocol()).isEqualTo(Protocol.of(1));
        assertThat(second.icmpCode()).isZero();
        assertThat(second.notSrc().net()).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(policy.types()).containsExactly("ingress", "egress");
    }

    @Test
    void resourcesAreWholeJsonObjects() {
        JsonNode resource = codec.decode(ResourceKey.cluster("ippools", "default-ipv4-ippool"),
                Golden.read("resource-ippool.json"));

        assertThat(resource.path("spec").path("cidr").asText()).isEqualTo("192.168.0.0/16");
    }
}
