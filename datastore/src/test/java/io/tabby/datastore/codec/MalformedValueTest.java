package io.tabby.datastore.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.path.KeyPaths;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed value names the key, the field and what is wrong. */
class MalformedValueTest {

    private static final String POOL = "/calico/v1/ipam/v4/pool/10.0.0.0-8";
    private static final String POOL_OK = "\"ipip\":\"\",\"masquerade\":false,\"ipam\":true,\"disabled\":false";
    private static final String PEER = "/calico/bgp/v1/global/peer_v4/10.0.0.5";
    private static final String BLOCK = "/calico/ipam/v2/assignment/ipv4/block/10.0.0.0-30";
    private static final String WEP = "/calico/v1/host/n1/workload/k8s/w/endpoint/eth0";
    private static final String WEP_OK = "\"state\":\"active\",\"name\":\"cali1\",\"active_instance_id\":\"\"";
    private static final String RULES = "/calico/v1/policy/profile/p/rules";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(POOL, "{\"cidr\":", null,
                        "is not valid JSON: Unexpected end-of-input within/between Object entries at line 1, column 9"),
                Arguments.of(POOL, "{} {}", null, "is not valid JSON: more text after the JSON value at line 1, column 4"),
                Arguments.of(POOL, "", null, "is empty, expected JSON"),
                Arguments.of(POOL, "[]", null, "is an array, expected a JSON object"),
                Arguments.of(POOL, "{" + POOL_OK + "}", "cidr", "is missing"),
                Arguments.of(POOL, "{\"cidr\":\"10.0.0.0/33\"," + POOL_OK + "}", "cidr",
                        "bad CIDR \"10.0.0.0/33\": prefix length 33 is out of range 0-32 for IPv4"),
                Arguments.of(POOL, "{\"cidr\":\"10.1.0.0/16\"," + POOL_OK + "}", "cidr",
                        "is 10.1.0.0/16 but the key is for pool 10.0.0.0/8"),
                Arguments.of(POOL, "{\"cidr\":8}", "cidr", "is a number, expected a CIDR string"),
                Arguments.of(POOL, "{\"cidr\":\"10.0.0.0/8\",\"masquerade\":\"yes\"}", "masquerade",
                        "is a string, expected true or false"),
                Arguments.of(POOL, "{\"cidr\":\"10.0.0.0/8\",\"ipip_mode\":\"sometimes\"}", "ipip_mode",
                        "unknown mode \"sometimes\", expected \"always\", \"cross-subnet\" or \"\""),
                Arguments.of(POOL, "{\"cidr\":\"10.0.0.0/8\",\"block_size\":4}", "block_size", "is 4, expected 8 to 32"),
                Arguments.of(POOL, "{\"cidr\":\"10.0.0.0/8\",\"block_size\":26.5}", "block_size",
                        "is a number, expected an integer"),
                Arguments.of(POOL, "{\"cidr\":\"10.0.0.0/8\",\"name\":\"\"}", "name",
                        "is empty; leave it out to use the derived name"),
                Arguments.of(PEER, "{\"ip\":\"10.0.0.5\"}", "as_num", "is missing"),
                Arguments.of(PEER, "{\"ip\":\"10.0.0.5\",\"as_num\":\"AS64513\"}", "as_num",
                        "is \"AS64513\", expected an AS number 0 to 4294967295"),
                Arguments.of(PEER, "{\"ip\":\"10.0.0.5\",\"as_num\":\"4294967296\"}", "as_num",
                        "is \"4294967296\", expected an AS number 0 to 4294967295"),
                Arguments.of(PEER, "{\"ip\":\"10.0.0.5\",\"as_num\":true}", "as_num",
                        "is a boolean, expected an AS number string such as \"64512\""),
                Arguments.of(PEER, "{\"ip\":\"10.0.0.6\",\"as_num\":\"1\"}", "ip",
                        "is 10.0.0.6 but the key is for peer 10.0.0.5"),
                Arguments.of(PEER, "{\"ip\":\"10.0.0.5\",\"as_num\":\"1\",\"port\":70000}", "port",
                        "is 70000, expected 0 to 65535"),
                Arguments.of(BLOCK, "{\"cidr\":\"10.0.0.0/30\",\"allocations\":[null],\"unallocated\":[]}", "allocations",
                        "has 1 slots, but a /30 block has 4"),
                Arguments.of(BLOCK, "{\"cidr\":\"10.0.0.0/30\",\"allocations\":[0,null,null,null],\"attributes\":null}",
                        "allocations[0]", "is 0, but the block has no attributes"),
                Arguments.of(BLOCK, "{\"cidr\":\"10.0.0.0/30\",\"allocations\":[null,1,null,null],"
                        + "\"attributes\":[{\"handle_id\":\"h\",\"secondary\":null}]}", "allocations[1]", "is 1, expected 0 to 0"),
                Arguments.of(BLOCK, "{\"cidr\":\"10.0.0.0/30\",\"allocations\":[null,null,null,null],\"unallocated\":[0,4]}",
                        "unallocated[1]", "is 4, expected 0 to 3"),
                Arguments.of(BLOCK, "{\"cidr\":\"10.0.0.0/30\",\"allocations\":[null,null,null,null],"
                        + "\"attributes\":[{\"handle_id\":\"h\",\"secondary\":{\"pod\":1}}]}", "attributes[0].secondary.pod",
                        "is a number, expected a string"),
                Arguments.of("/calico/ipam/v2/host/n1/ipv4/block/10.0.0.0-30", "{\"state\":\"claimed\"}", "state",
                        "unknown state \"claimed\", expected \"pending\", \"confirmed\" or \"pendingDeletion\""),
                Arguments.of("/calico/ipam/v2/handle/h", "{\"block\":{\"10.0.0.0\":1}}", "block.10.0.0.0",
                        "bad CIDR \"10.0.0.0\": no prefix length (expected <address>/<prefix length>)"),
                Arguments.of("/calico/ipam/v2/handle/h", "{\"block\":{\"10.0.0.0/26\":-1}}", "block.10.0.0.0/26",
                        "is -1, expected 0 to 2147483647"),
                Arguments.of(WEP, "{" + WEP_OK + ",\"ipv4_nets\":[\"fd00::1/128\"]}", "ipv4_nets[0]",
                        "is IPv6 CIDR \"fd00::1/128\", expected IPv4"),
                Arguments.of(WEP, "{" + WEP_OK + ",\"mac\":\"0a:58\"}", "mac",
                        "bad MAC address \"0a:58\", expected six hex pairs such as \"0a:58:c0:a8:01:02\""),
                Arguments.of(WEP, "{" + WEP_OK + ",\"labels\":{\"a\":true}}", "labels.a", "is a boolean, expected a string"),
                Arguments.of(WEP, "{" + WEP_OK + ",\"ipv4_nat\":[{\"int_ip\":\"10.0.0.1\"}]}", "ipv4_nat[0].ext_ip",
                        "is missing"),
                Arguments.of(WEP, "{" + WEP_OK + ",\"ipv4_gateway\":\"fd00::1\"}", "ipv4_gateway",
                        "is IPv6 address \"fd00::1\", expected IPv4"),
                Arguments.of(RULES, "{\"inbound_rules\":[{},{\"protocol\":true}]}", "inbound_rules[1].protocol",
                        "is a boolean, expected a protocol name or number"),
                Arguments.of(RULES, "{\"inbound_rules\":[{\"protocol\":256}]}", "inbound_rules[0].protocol",
                        "is 256, expected 0 to 255"),
                Arguments.of(RULES, "{\"outbound_rules\":[{\"dst_ports\":[\"99999\"]}]}", "outbound_rules[0].dst_ports[0]",
                        "is \"99999\", expected a port 0 to 65535"),
                Arguments.of(RULES, "{\"outbound_rules\":[{\"dst_ports\":[\"10:5\"]}]}", "outbound_rules[0].dst_ports[0]",
                        "bad port range \"10:5\", expected min:max with 0 <= min <= max <= 65535"),
                Arguments.of(RULES, "{\"outbound_rules\":[{\"!src_ports\":[\"80:\"]}]}", "outbound_rules[0].!src_ports[0]",
                        "bad port \"80:\", expected a port 0 to 65535 or min:max"),
                Arguments.of(RULES, "{\"inbound_rules\":[{\"ip_version\":5}]}", "inbound_rules[0].ip_version",
                        "is 5, expected 4 or 6"),
                Arguments.of(RULES, "{\"inbound_rules\":[{\"icmp_type\":256}]}", "inbound_rules[0].icmp_type",
                        "is 256, expected 0 to 255"),
                Arguments.of(RULES, "{\"inbound_rules\":[\"allow\"]}", "inbound_rules[0]", "is a string, expected an object"),
                Arguments.of(RULES, "{\"inbound_rules\":[{\"src_net\":\"10.0.0.0/40\"}]}", "inbound_rules[0].src_net",
                        "bad CIDR \"10.0.0.0/40\": prefix length 40 is out of range 0-32 for IPv4"),
                Arguments.of("/calico/v1/policy/tier/default/policy/p", "{\"order\":\"1\",\"selector\":\"all()\"}", "order",
                        "is a string, expected a number"),
                Arguments.of("/calico/v1/policy/tier/default/policy/p", "{\"order\":1e400,\"selector\":\"all()\"}",
                        "order", "is 1E+400, out of range for a 64-bit float"),
                Arguments.of("/calico/v1/policy/profile/p/tags", "[\"a\",1]", "[1]", "is a number, expected a string"),
                Arguments.of("/calico/v1/policy/profile/p/labels", "[]", null,
                        "is an array, expected a JSON object of labels"),
                Arguments.of("/calico/v1/policy/profile/p/labels", "{\"a\":null}", "a", "is null, expected a string"),
                Arguments.of("/calico/v1/Ready", "yes", null, "is \"yes\", expected true or false"),
                Arguments.of("/calico/v1/host/n1/orchestrator_refs", "{}", null, "is an object, expected a JSON array"),
                Arguments.of("/calico/v1/host/n1/orchestrator_refs", "[{\"nodeName\":5}]", "[0].nodeName",
                        "is a number, expected a string"),
                Arguments.of("/calico/felix/v1/host/n1/status", "{\"time\":\"t\",\"uptime\":\"1s\"}", "uptime",
                        "is a string, expected a number"),
                Arguments.of("/calico/bgp/v1/global/prefix_advertisements/ip_v4", "[{\"cidr\":\"fd00::/8\"}]", "[0].cidr",
                        "is IPv6 CIDR \"fd00::/8\", expected IPv4"),
                Arguments.of("/calico/bgp/v1/rr_v4/10.0.0.9", "{\"ip\":\"10.0.0.8\"}", "ip",
                        "is 10.0.0.8 but the key is for route reflector 10.0.0.9"),
                Arguments.of("/calico/bgp/v1/global/node_mesh", "{\"enabled\":1}", "enabled",
                        "is a number, expected true or false"),
                Arguments.of("/calico/ipam/v2/config", "{\"maxBlocksPerHost\":-2}", "maxBlocksPerHost",
                        "is -2, expected 0 to 2147483647"),
                Arguments.of("/calico/resources/v3/projectcalico.org/ippools/p", "[1]", null,
                        "is an array, expected a resource as a JSON object"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformed")
    void namesKeyFieldAndProblem(String path, String text, String field, String problem) {
        String expected = "\"" + path + "\": " + (field == null ? "" : "field \"" + field + "\" ") + problem;

        assertThatThrownBy(() -> ValueCodec.INSTANCE.decode(KeyPaths.parse(path), text))
                .isInstanceOf(MalformedValueException.class)
                .hasMessage(expected)
                .satisfies(e -> {
                    MalformedValueException m = (MalformedValueException) e;
                    assertThat(m.path()).isEqualTo(path);
                    assertThat(m.field()).isEqualTo(field);
                    assertThat(m.problem()).isEqualTo(problem);
                });
    }
}
