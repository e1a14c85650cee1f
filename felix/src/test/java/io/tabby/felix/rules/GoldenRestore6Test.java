package io.tabby.felix.rules;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import io.tabby.felix.testing.V1Json;
import io.tabby.platform.firewall.IptablesTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The exact ip6tables-restore input felix writes for representative policies on dual-stack
 * endpoints (files under {@code src/test/resources/golden/v6}; {@code -Dfelix.golden.update=true}
 * rewrites them).
 */
class GoldenRestore6Test {
    private static final ValueCodec CODEC = ValueCodec.INSTANCE;
    private final FilterRenderer filter6 = new FilterRenderer(RulesConfig.DEFAULTS, IpFamily.V6);
    private final FilterRenderer filter4 = new FilterRenderer(RulesConfig.DEFAULTS, IpFamily.V4);

    @Test
    void defaultDenyOnDualStackEndpoints() throws IOException {
        Policy defaultDeny = policy("{\"selector\":\"all()\",\"types\":[\"ingress\"]}");
        WorkloadEndpointUpdate a = endpoint("default.a", "calia", "10.65.1.1", "fd00:65::1", List.of("default-deny"));
        WorkloadEndpointUpdate b = endpoint("default.b", "calib", "10.65.1.2", "fd00:65::2", List.of("default-deny"));
        String text = RestoreText.of(IptablesTable.FILTER, filter6.render(List.of(b, a),
                Map.of("default-deny", defaultDeny), Map.of("kns.default", profile(allowAllProfile()))));
        assertGolden("default-deny.txt", text);
        assertThat(text).as("anti-spoofing by the /128, neighbour discovery to the host allowed")
                .contains("-s fd00:65::1/128").contains("--icmpv6-type 135").doesNotContain("10.65.1.1");
    }

    @Test
    void rulesOfBothFamiliesKeepOnlyTheirOwn() throws IOException {
        Policy mixed = policy("{\"inbound_rules\":["
                + "{\"action\":\"allow\",\"src_nets\":[\"10.1.0.0/16\",\"fd00:1::/64\"],\"src_selector\":\"app == 'web'\"},"
                + "{\"action\":\"deny\",\"ip_version\":4},"
                + "{\"action\":\"allow\",\"protocol\":\"icmpv6\",\"icmp_type\":128},"
                + "{\"action\":\"allow\",\"protocol\":\"icmp\",\"icmp_type\":8},"
                + "{\"action\":\"deny\",\"ip_version\":6,\"!src_nets\":[\"fd00:2::/64\"],\"protocol\":\"tcp\","
                + "\"dst_ports\":[22]}],"
                + "\"selector\":\"has(app)\",\"types\":[\"ingress\"]}");
        String text6 = RestoreText.of(IptablesTable.FILTER, new TableRules(List.of(
                filter6.ruleChain(ChainNames.policyInbound("mixed"), mixed.inboundRules())), List.of()));
        assertGolden("mixed-families.txt", text6);
        String text4 = RestoreText.of(IptablesTable.FILTER, new TableRules(List.of(
                filter4.ruleChain(ChainNames.policyInbound("mixed"), mixed.inboundRules())), List.of()));
        assertThat(text4).contains("-s 10.1.0.0/16", "cali40s:", "-m icmp --icmp-type 8")
                .doesNotContain("fd00", "cali60", "icmp6");
        assertThat(text6).contains("-s fd00:1::/64", "cali60s:", "-p ipv6-icmp -m icmp6 --icmpv6-type 128",
                "! -s fd00:2::/64").doesNotContain("10.1.0.0", "cali40", "--icmp-type 8");
    }

    private static WorkloadEndpointUpdate endpoint(String workload, String iface, String ip, String ip6,
            List<String> ingress) {
        WorkloadEndpointKey key = new WorkloadEndpointKey("node1", "k8s", workload, "eth0");
        WorkloadEndpoint ep = CODEC.decode(key, V1Json.dualStackEndpoint(iface, ip, ip6, new TreeMap<>(), "kns.default"));
        return new WorkloadEndpointUpdate(key, ep, new EndpointPolicies(ingress, List.of(), List.of("kns.default")));
    }

    private static Policy policy(String json) {
        return CODEC.decode(new PolicyKey("default", "p"), json);
    }

    private static ProfileRules profile(String json) {
        return CODEC.decode(new ProfileRulesKey("p"), json);
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path source = Path.of("src/test/resources/golden/v6", name);
        if (Boolean.getBoolean("felix.golden.update")) {
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual);
        }
        try (InputStream in = GoldenRestore6Test.class.getResourceAsStream("/golden/v6/" + name)) {
            assertThat(in).as("golden file v6/%s (create it with -Dfelix.golden.update=true)", name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
