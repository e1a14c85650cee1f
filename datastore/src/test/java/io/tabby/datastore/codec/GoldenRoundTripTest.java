package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.KeyPaths;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values as Calico (and Tabby) write them decode and encode back to the same bytes. Each
 * golden file is one stored value; the path says which key family reads it.
 */
class GoldenRoundTripTest {

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("/calico/v1/ipam/v4/pool/192.168.0.0-16", "pool-v1.0.json"),
                Arguments.of("/calico/v1/ipam/v4/pool/192.168.0.0-16", "pool-v1.7.json"),
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.0-8", "pool-v1.7-no-ipip.json"),
                Arguments.of("/calico/v1/ipam/v6/pool/fd80:24e2:f998:72d6::-64", "pool-v3-model-ipv6.json"),
                Arguments.of("/calico/v1/ipam/v4/pool/192.168.0.0-16", "pool-tabby.json"),
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.0-8", "pool-unknown-fields.json"),
                Arguments.of("/calico/bgp/v1/global/peer_v4/10.0.0.5", "peer-v1.json"),
                Arguments.of("/calico/bgp/v1/host/node-1/peer_v6/fd00::5", "peer-v3.json"),
                Arguments.of("/calico/bgp/v1/global/node_mesh", "node-mesh.json"),
                Arguments.of("/calico/bgp/v1/rr_v4/10.0.0.9", "route-reflector.json"),
                Arguments.of("/calico/bgp/v1/global/prefix_advertisements/ip_v4", "prefix-advertisements.json"),
                Arguments.of("/calico/ipam/v2/handle/default.nginx", "handle-v1.json"),
                Arguments.of("/calico/ipam/v2/handle/k8s-pod-network.0123abcd", "handle-v3.json"),
                Arguments.of("/calico/ipam/v2/assignment/ipv4/block/192.168.1.0-26", "block-v1.7.json"),
                Arguments.of("/calico/ipam/v2/assignment/ipv4/block/192.168.1.0-26", "block-v3.json"),
                Arguments.of("/calico/ipam/v2/assignment/ipv4/block/10.0.0.0-30", "block-fresh.json"),
                Arguments.of("/calico/ipam/v2/assignment/ipv4/block/10.0.0.0-30", "block-unknown-fields.json"),
                Arguments.of("/calico/ipam/v2/host/node-1/ipv4/block/192.168.1.0-26", "affinity-v1.json"),
                Arguments.of("/calico/ipam/v2/host/node-1/ipv4/block/192.168.1.0-26", "affinity-v3.json"),
                Arguments.of("/calico/ipam/v2/host/node-1/ipv4/block/192.168.1.0-26", "affinity-v3-pending.json"),
                Arguments.of("/calico/ipam/v2/config", "ipam-config.json"),
                Arguments.of("/calico/ipam/v2/config", "ipam-config-v3.json"),
                Arguments.of("/calico/v1/host/node-1/workload/k8s/default.nginx/endpoint/eth0",
                        "workload-endpoint-cni-v1.json"),
                Arguments.of("/calico/v1/host/node-1/workload/openstack/vm1/endpoint/tap1",
                        "workload-endpoint-full.json"),
                Arguments.of("/calico/v1/host/node-1/endpoint/eth0", "host-endpoint.json"),
                Arguments.of("/calico/v1/policy/profile/k8s_ns.default/rules", "profile-rules.json"),
                Arguments.of("/calico/v1/policy/profile/k8s_ns.default/tags", "profile-tags.json"),
                Arguments.of("/calico/v1/policy/profile/k8s_ns.default/labels", "profile-labels.json"),
                Arguments.of("/calico/v1/policy/tier/default/policy/web", "policy.json"),
                Arguments.of("/calico/v1/policy/tier/default/policy/minimal", "policy-minimal.json"),
                Arguments.of("/calico/v1/policy/profile/every-field/rules", "rule-all-fields.json"),
                Arguments.of("/calico/v1/policy/tier/default/metadata", "tier-metadata.json"),
                Arguments.of("/calico/v1/host/node-1/metadata", "host-metadata-v1.json"),
                Arguments.of("/calico/v1/host/node-1/metadata", "host-metadata-labels.json"),
                Arguments.of("/calico/v1/host/node-1/orchestrator_refs", "orchestrator-refs.json"),
                Arguments.of("/calico/felix/v1/host/node-1/status", "felix-status.json"),
                Arguments.of("/calico/felix/v1/host/node-1/last_reported_status", "felix-status-exponent.json"),
                Arguments.of("/calico/felix/v1/host/node-1/workload/k8s/default.nginx/endpoint/eth0",
                        "endpoint-status.json"),
                Arguments.of("/calico/resources/v3/projectcalico.org/ippools/default-ipv4-ippool",
                        "resource-ippool.json"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("goldens")
    void decodesAndEncodesBackByteForByte(String path, String file) {
        String text = Golden.read(file);
        Key<?> key = KeyPaths.parse(path);

        Object value = ValueCodec.INSTANCE.decode(key, text);

        assertThat(ValueCodec.INSTANCE.encodeUnchecked(key, value)).isEqualTo(text);
    }
}
