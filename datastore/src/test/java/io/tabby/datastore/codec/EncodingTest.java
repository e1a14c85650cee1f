package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.NodeMesh;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.GlobalBgpFieldKey;
import io.tabby.datastore.path.GlobalBgpField;
import io.tabby.datastore.path.GlobalBgpPeerKey;
import io.tabby.datastore.path.GlobalConfigKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.OrchestratorRefsKey;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.path.ProfileLabelsKey;
import io.tabby.datastore.path.ProfileTagsKey;
import io.tabby.datastore.path.ReadyKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records built in code encode to exactly what Calico would write for them. */
class EncodingTest {

    private final ValueCodec codec = ValueCodec.INSTANCE;

    @Test
    void newRecordsEncodeAsCalicoWritesThem() {
        Cidr pool = Cidr.parse("10.0.0.0/8");
        assertThat(codec.encode(new IpPoolKey(pool), IpPool.of(pool)))
                .isEqualTo("{\"cidr\":\"10.0.0.0/8\",\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false}");
        IpAddr peer = IpAddr.parse("10.0.0.5");
        assertThat(codec.encode(new GlobalBgpPeerKey(peer), BgpPeer.of(peer, 64513))).isEqualTo(Golden.read("peer-v1.json"));
        assertThat(codec.encode(new NodeMeshKey(), new NodeMesh(true))).isEqualTo("{\"enabled\":true}");
        Cidr block = Cidr.parse("10.0.0.0/30");
        assertThat(codec.encode(new BlockKey(block), AllocationBlock.empty(block, "node-1")))
                .isEqualTo(Golden.read("block-fresh.json"));
        assertThat(codec.encode(new BlockAffinityKey("node-1", block), BlockAffinity.of(AffinityState.CONFIRMED)))
                .isEqualTo("{\"state\":\"confirmed\",\"deleted\":false}");
        assertThat(codec.encode(new BlockAffinityKey("node-1", block), BlockAffinity.legacyConfirmed()))
                .isEqualTo("{}");
        assertThat(codec.encode(new IpamHandleKey("h"),
                        IpamHandle.of(Map.of(Cidr.parse("192.168.1.0/26"), 2, Cidr.parse("10.0.0.0/26"), 1))))
                .isEqualTo(Golden.read("handle-v3.json"));
        assertThat(codec.encode(new IpamConfigKey(), IpamConfig.DEFAULT)).isEqualTo("{\"auto_allocate_blocks\":true}");
        assertThat(codec.encode(new HostMetadataKey("node-1"), HostMetadata.EMPTY)).isEqualTo("{}");
        assertThat(codec.encode(new ReadyKey(), true)).isEqualTo("true");
    }

    @Test
    void cniEndpointEncodesLikeCniV1() {
        WorkloadEndpoint endpoint = WorkloadEndpoint.active("cali0123456789a", "0a:58:c0:a8:01:02",
                List.of("k8s_ns.default"), List.of(Cidr.parse("192.168.1.2/32")), List.of(),
                Map.of("run", "nginx", "calico/k8s_ns", "default"));

        assertThat(codec.encode(new WorkloadEndpointKey("node-1", "k8s", "default.nginx", "eth0"), endpoint))
                .isEqualTo(Golden.read("workload-endpoint-cni-v1.json"));
    }

    @Test
    void stringsAreEscapedAsGoEscapesThem() {
        Policy policy = new Policy(null, List.of(), List.of(), "a == 'x' && b <c> \"q\" \\ \n\t\r\u0001\u001f\u007f\u2028\u2029é😀",
                false, Map.of(), false, false, List.of(), UnknownFields.NONE);

        assertThat(codec.encode(new PolicyKey("default", "p"), policy)).isEqualTo("{\"selector\":\"a == 'x' "
                + "\\u0026\\u0026 b \\u003cc\\u003e \\\"q\\\" \\\\ \\n\\t\\r\\u0001\\u001f\u007f\\u2028\\u2029é😀\"}");
    }

    @Test
    void mapKeysAreSortedByCodePoint() {
        Map<String, String> labels = Map.of("b", "1", "a", "2", "é", "3", "\uFB01", "4", "😀", "5", "Z", "6");

        assertThat(codec.encode(new ProfileLabelsKey("p"), labels))
                .isEqualTo("{\"Z\":\"6\",\"a\":\"2\",\"b\":\"1\",\"é\":\"3\",\"\uFB01\":\"4\",\"😀\":\"5\"}");
    }

    @Test
    void plainStringsPassThroughUntouched() {
        String filter = "if ( net ~ 10.0.0.0/8 ) then reject;\n";

        assertThat(codec.decode(new GlobalConfigKey("LogSeverityScreen"), " info ")).isEqualTo(" info ");
        assertThat(codec.encode(new GlobalBgpFieldKey(GlobalBgpField.AS_NUM), "64512")).isEqualTo("64512");
        assertThat(codec.decode(new GlobalBgpFieldKey(GlobalBgpField.SVC_CLUSTER_IPS), filter)).isEqualTo(filter);
        assertThat(codec.decode(new ReadyKey(), "true")).isTrue();
        assertThat(codec.decode(new ReadyKey(), "false")).isFalse();
    }

    @Test
    void emptyTopLevelCollectionsAreWrittenAsGoNil() {
        assertThat(codec.encode(new ProfileTagsKey("p"), List.of())).isEqualTo("null");
        assertThat(codec.encode(new ProfileLabelsKey("p"), Map.of())).isEqualTo("null");
        assertThat(codec.encode(new OrchestratorRefsKey("n"), List.of())).isEqualTo("null");
        assertThat(codec.encode(new PrefixAdvertisementsKey(IpFamily.V6), List.of())).isEqualTo("null");
        assertThat(codec.decode(new ProfileTagsKey("p"), "null")).isEmpty();
        assertThat(codec.decode(new ProfileTagsKey("p"), "[]")).isEmpty();
        assertThat(codec.decode(new ProfileLabelsKey("p"), "null")).isEmpty();
        assertThat(codec.decode(new ProfileLabelsKey("p"), "{}")).isEmpty();
        assertThat(codec.decode(new OrchestratorRefsKey("n"), "null")).isEmpty();
    }

    @Test
    void poolNameIsStoredOnlyWhenNotDerived() {
        Cidr cidr = Cidr.parse("192.168.0.0/16");
        IpPool derived = new IpPool(cidr, "", null, null, false, true, false, null, null, null, "192-168-0-0-16",
                UnknownFields.NONE);
        IpPool named = new IpPool(cidr, "tunl0", EncapMode.ALWAYS, null, true, true, false, null, null, null, "pool-a",
                UnknownFields.NONE);

        assertThat(codec.encode(new IpPoolKey(cidr), derived)).doesNotContain("name");
        assertThat(codec.encode(new IpPoolKey(cidr), named)).endsWith(",\"name\":\"pool-a\"}");
    }
}
