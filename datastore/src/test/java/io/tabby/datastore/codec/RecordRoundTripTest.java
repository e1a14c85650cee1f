package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.AffinityState;
import io.tabby.datastore.model.AllocationAttribute;
import io.tabby.datastore.model.AllocationBlock;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.BlockAffinity;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.EncapMode;
import io.tabby.datastore.model.EndpointStatus;
import io.tabby.datastore.model.FelixStatus;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.HostMetadata;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpNat;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.IpamConfig;
import io.tabby.datastore.model.IpamHandle;
import io.tabby.datastore.model.NodeMesh;
import io.tabby.datastore.model.OrchestratorRef;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.PrefixAdvertisement;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.RouteReflector;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RuleMatch;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.model.TierMetadata;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.BlockAffinityKey;
import io.tabby.datastore.path.BlockKey;
import io.tabby.datastore.path.FelixStatusKey;
import io.tabby.datastore.path.FelixStatusKind;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.HostEndpointStatusKey;
import io.tabby.datastore.path.HostMetadataKey;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.IpamConfigKey;
import io.tabby.datastore.path.IpamHandleKey;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.NodeBgpPeerKey;
import io.tabby.datastore.path.NodeMeshKey;
import io.tabby.datastore.path.OrchestratorRefsKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.PrefixAdvertisementsKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.RouteReflectorKey;
import io.tabby.datastore.path.TierMetadataKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Records with every field set encode and decode back to equal records. */
class RecordRoundTripTest {

    private static final UnknownFields EXTRA = new UnknownFields(Map.of("x-tabby-test", "{\"k\":[1,\"v\"]}"));

    static Stream<Arguments> records() {
        Cidr pool = Cidr.parse("fd00:1::/48");
        Cidr block = Cidr.parse("10.0.0.0/29");
        IpAddr peer = IpAddr.parse("fd00::5");
        Rule rule = new Rule("deny", 6, Protocol.of("tcp"), Protocol.of(17), 1, 2, 3, 4,
                new RuleMatch("t", Cidr.parse("fd00::/8"), List.of(Cidr.parse("fd01::/16")), "a == 'b'",
                        List.of(RulePort.single(1), RulePort.range(2, 3), RulePort.named("http"))),
                new RuleMatch("", null, List.of(), "has(x)", List.of()), RuleMatch.NONE,
                new RuleMatch("u", null, List.of(), "", List.of(RulePort.single(0))), "pfx", EXTRA);
        List<Integer> allocations = Arrays.asList(0, null, 1, null, null, null, null, 0);
        return Stream.of(
                Arguments.of(new IpPoolKey(pool), new IpPool(pool, "tunl0", EncapMode.CROSS_SUBNET, EncapMode.UNSET,
                        true, false, true, true, 64, "zone == 'a'", "v6-pool", EXTRA)),
                Arguments.of(new NodeBgpPeerKey("n1", peer), new BgpPeer(peer, 4_294_967_295L, "1.0.0.1", "", "None",
                        179, false, "0", "odd-name", EXTRA)),
                Arguments.of(new NodeMeshKey(), new NodeMesh(false, EXTRA)),
                Arguments.of(new RouteReflectorKey(peer), new RouteReflector(peer, "", EXTRA)),
                Arguments.of(new PrefixAdvertisementsKey(IpFamily.V6),
                        List.of(new PrefixAdvertisement(pool, List.of(), EXTRA))),
                Arguments.of(new BlockKey(block), new AllocationBlock(block, null, true, allocations, List.of(7, 1, 3),
                        List.of(new AllocationAttribute(null, Map.of("node", "n1"), EXTRA),
                                new AllocationAttribute("h", null)), true, EXTRA)),
                Arguments.of(new BlockAffinityKey("n1", block), new BlockAffinity(AffinityState.PENDING_DELETION, true,
                        EXTRA)),
                Arguments.of(new IpamHandleKey("h"), new IpamHandle(Map.of(block, 3), null, EXTRA)),
                Arguments.of(new IpamConfigKey(), new IpamConfig(true, false, 9, EXTRA)),
                Arguments.of(new WorkloadEndpointKey("n1", "k8s", "ns.pod", "eth0"), new WorkloadEndpoint("down",
                        "cali1", "i-1", "0a:00:00:00:00:01:02:03", List.of(), null, List.of(Cidr.parse("fd00::1/128")),
                        List.of(new IpNat(IpAddr.parse("10.0.0.1"), IpAddr.parse("1.2.3.4"), EXTRA)), List.of(),
                        Map.of("a", "<&>"), IpAddr.parse("10.0.0.254"), null, EXTRA)),
                Arguments.of(new HostEndpointKey("n1", "eth0"), new HostEndpoint("", List.of(),
                        List.of(IpAddr.parse("fd00::2")), Map.of(), List.of("p1", "p2"), EXTRA)),
                Arguments.of(new ProfileRulesKey("p"), new ProfileRules(List.of(), List.of(rule, Rule.of("")), EXTRA)),
                Arguments.of(new PolicyKey("default", "p"), new Policy(-1.5e-9, List.of(rule), List.of(), "",
                        false, Map.of("k", "v"), true, false, List.of("egress"), EXTRA)),
                Arguments.of(new TierMetadataKey("default"), new TierMetadata(null, EXTRA)),
                Arguments.of(new HostMetadataKey("n1"), new HostMetadata(Map.of("z", "1", "a", "2"), EXTRA)),
                Arguments.of(new OrchestratorRefsKey("n1"), List.of(new OrchestratorRef("", "n", EXTRA),
                        new OrchestratorRef("k8s", ""))),
                Arguments.of(new FelixStatusKey("n1", FelixStatusKind.STATUS),
                        new FelixStatus("", 123456789.125, true, EXTRA)),
                Arguments.of(new HostEndpointStatusKey("n1", "eth0"), new EndpointStatus("down", EXTRA)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void encodeThenDecodeGivesTheSameRecord(Key<?> key, Object value) {
        String text = ValueCodec.INSTANCE.encodeUnchecked(key, value);

        assertThat(ValueCodec.INSTANCE.decode(key, text)).as(text).isEqualTo(value);
        assertThat(ValueCodec.INSTANCE.encodeUnchecked(key, ValueCodec.INSTANCE.decode(key, text))).isEqualTo(text);
    }
}
