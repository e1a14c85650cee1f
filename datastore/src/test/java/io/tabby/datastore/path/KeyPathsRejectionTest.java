package io.tabby.datastore.path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a path can be malformed, with the exact message a user sees. */
class KeyPathsRejectionTest {

    private static final String ANY = "(expected a key under /calico/v1, /calico/bgp/v1, /calico/ipam/v2, "
            + "/calico/felix/v1 or /calico/resources/v3/projectcalico.org)";
    private static final String POOL_V4 = "(expected /calico/v1/ipam/v4/pool/<address>-<prefix length>)";
    private static final String POOL_ANY = "(expected /calico/v1/ipam/v4|v6/pool/<address>-<prefix length>)";
    private static final String WORKLOAD = "/calico/v1/host/<node>/workload/<orchestrator>/<workload>/endpoint/<endpoint>";
    private static final String HOST = "(expected /calico/v1/host/<node>/<metadata|bird_ip|orchestrator_refs|"
            + "config/<name>|endpoint/<endpoint>|workload/<orchestrator>/<workload>/endpoint/<endpoint>>)";

    static Stream<Arguments> rejections() {
        return Stream.of(
                // the example from the brief
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.0-99",
                        "bad CIDR \"10.0.0.0/99\" in pool key " + POOL_V4),
                Arguments.of("/calico/v1/ipam/v4/pool/fd00::-64",
                        "IPv6 CIDR \"fd00::/64\" under v4 in pool key " + POOL_V4),
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.1-8",
                        "CIDR \"10.0.0.1/8\" is not in canonical form (10.0.0.0-8) in pool key " + POOL_V4),
                Arguments.of("/calico/v1/ipam/v6/pool/fd00::1:0:0:0:0-64",
                        "CIDR \"fd00::1:0:0:0:0/64\" is not in canonical form (fd00:0:0:1::-64) in pool key "
                                + "(expected /calico/v1/ipam/v6/pool/<address>-<prefix length>)"),
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.0",
                        "bad CIDR \"10.0.0.0\" in pool key " + POOL_V4),
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.0-08",
                        "bad CIDR \"10.0.0.0/08\" in pool key " + POOL_V4),
                Arguments.of("/calico/v1/ipam/v5/pool/10.0.0.0-8",
                        "unknown address family \"v5\" (not v4 or v6) in pool key " + POOL_ANY),
                Arguments.of("/calico/v1/ipam/v4/pools/10.0.0.0-8",
                        "\"pools\" where \"pool\" belongs in pool key " + POOL_V4),
                Arguments.of("/calico/v1/ipam/v4/pool", "incomplete pool key " + POOL_ANY),
                Arguments.of("/calico/v1/ipam/v4/pool/10.0.0.0-8/x",
                        "unexpected \"x\" after the pool key " + POOL_ANY),
                Arguments.of("/etc/calico", "not under /calico/ " + ANY),
                Arguments.of("/calico/v1//host", "empty path segment " + ANY),
                Arguments.of("/calico/v1/host/n1/", "empty path segment " + ANY),
                Arguments.of("/calico/v1/host/../config/x", "relative path segment \"..\" " + ANY),
                Arguments.of("/calico/v1/host/./metadata", "relative path segment \".\" " + ANY),
                Arguments.of("/calico/v2/foo", "unknown area \"v2\" " + ANY),
                Arguments.of("/calico/v1", "incomplete v1 key (expected /calico/v1/Ready, /calico/v1/config/<name>, "
                        + "/calico/v1/host/<node>/..., /calico/v1/ipam/v4|v6/pool/<cidr> or /calico/v1/policy/...)"),
                Arguments.of("/calico/v1/Ready/x", "unexpected \"x\" after the Ready key (expected /calico/v1/Ready)"),
                Arguments.of("/calico/v1/config/a\tb", "config name \"a\\tb\" contains a control character "
                        + "in global config key (expected /calico/v1/config/<name>)"),
                Arguments.of("/calico/v1/host/n1", "incomplete host key " + HOST),
                Arguments.of("/calico/v1/host/n1/whatever", "unknown entry \"whatever\" in host key " + HOST),
                Arguments.of("/calico/v1/host/n1/workload/k8s/pod/endpoints/eth0",
                        "\"endpoints\" where \"endpoint\" belongs in workload endpoint key (expected " + WORKLOAD + ")"),
                Arguments.of("/calico/v1/host/n1/workload/k8s/pod%41/endpoint/eth0",
                        "bad escape \"%41\" in workload \"pod%41\" of workload endpoint key (expected " + WORKLOAD
                                + ", with '%' written as %25 and '/' as %2f)"),
                Arguments.of("/calico/v1/host/n1/workload/k8s/pod/endpoint",
                        "incomplete workload endpoint key (expected " + WORKLOAD + ")"),
                Arguments.of("/calico/v1/policy/profile/x/rulez", "unknown entry \"rulez\" in profile key "
                        + "(expected /calico/v1/policy/profile/<profile>/<rules|tags|labels>)"),
                Arguments.of("/calico/v1/policy/tier/default/policy",
                        "incomplete policy key (expected /calico/v1/policy/tier/<tier>/policy/<name>)"),
                Arguments.of("/calico/v1/policy/rules", "unknown policy key \"rules\" (expected "
                        + "/calico/v1/policy/profile/<profile>/<rules|tags|labels> or "
                        + "/calico/v1/policy/tier/<tier>/policy/<name>)"),
                Arguments.of("/calico/bgp/v2/global/as_num",
                        "\"v2\" where \"v1\" belongs in BGP key (expected /calico/bgp/v1/<global|host|rr_v4|rr_v6>/...)"),
                Arguments.of("/calico/bgp/v1/global/peer_v4/10.0.0.256", "bad IP address \"10.0.0.256\" in global "
                        + "BGP peer key (expected /calico/bgp/v1/global/<peer_v4|peer_v6>/<ip>)"),
                Arguments.of("/calico/bgp/v1/global/peer_v4/fd00::1", "IPv6 address \"fd00::1\" under v4 in global "
                        + "BGP peer key (expected /calico/bgp/v1/global/<peer_v4|peer_v6>/<ip>)"),
                Arguments.of("/calico/bgp/v1/host/n1/peer_v6/FD00::1", "IP address \"FD00::1\" is not in canonical "
                        + "form (fd00::1) in node BGP peer key (expected /calico/bgp/v1/host/<node>/<peer_v4|peer_v6>/<ip>)"),
                Arguments.of("/calico/bgp/v1/global/custom_filters/v7/x", "unknown address family \"v7\" (not v4 or "
                        + "v6) in custom filter key (expected /calico/bgp/v1/global/custom_filters/<v4|v6>/<name>)"),
                Arguments.of("/calico/bgp/v1/rr_v4/10.0.0.1-32", "bad IP address \"10.0.0.1-32\" in route reflector "
                        + "key (expected /calico/bgp/v1/<rr_v4|rr_v6>/<ip>)"),
                Arguments.of("/calico/ipam/v2/assignment/ipv4/block/10.0.0.0-33", "bad CIDR \"10.0.0.0/33\" in block "
                        + "key (expected /calico/ipam/v2/assignment/<ipv4|ipv6>/block/<address>-<prefix length>)"),
                Arguments.of("/calico/ipam/v2/assignment/ipv6/block/10.0.0.0-26", "IPv4 CIDR \"10.0.0.0/26\" under v6 "
                        + "in block key (expected /calico/ipam/v2/assignment/<ipv4|ipv6>/block/<address>-<prefix length>)"),
                Arguments.of("/calico/ipam/v2/host/n1/ipv5/block/10.0.0.0-26", "unknown address family \"ipv5\" (not "
                        + "ipv4 or ipv6) in block affinity key (expected /calico/ipam/v2/host/<node>/<ipv4|ipv6>/block/"
                        + "<address>-<prefix length>)"),
                Arguments.of("/calico/ipam/v2/handle/a%2", "bad escape \"%2\" in handle id \"a%2\" of handle key "
                        + "(expected /calico/ipam/v2/handle/<id>, with '%' written as %25 and '/' as %2f)"),
                Arguments.of("/calico/felix/v1/host/n1/statuss", "unknown entry \"statuss\" in Felix status key "
                        + "(expected /calico/felix/v1/host/<node>/<status|last_reported_status|endpoint/<endpoint>|"
                        + "workload/<orchestrator>/<workload>/endpoint/<endpoint>>)"),
                Arguments.of("/calico/resources/v3/projectcalico.org/networkpolicies/web", "incomplete namespaced "
                        + "resource key (expected /calico/resources/v3/projectcalico.org/<plural>/<namespace>/<name>)"),
                Arguments.of("/calico/resources/v3/projectcalico.org/ippools/ns/x", "unexpected \"x\" after the "
                        + "resource key (expected /calico/resources/v3/projectcalico.org/<plural>/<name>)"),
                Arguments.of("/calico/resources/v3/projectcalico.org/IPPools/x", "resource kind \"IPPools\" is not a "
                        + "lower-case plural in resource key (expected "
                        + "/calico/resources/v3/projectcalico.org/<plural>/[<namespace>/]<name>)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void refusesWithAMessageNamingPathProblemAndShape(String path, String message) {
        assertThatThrownBy(() -> KeyPaths.parse(path))
                .isInstanceOf(MalformedKeyException.class)
                .hasMessage("\"" + path.replace("\t", "\\t") + "\": " + message)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((MalformedKeyException) e).path())
                        .isEqualTo(path));
    }
}
