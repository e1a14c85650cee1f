package io.tabby.felix.rules;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import io.tabby.felix.testing.V1Json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.IpPoolKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.model.Cidr;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
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
 * The exact iptables-restore input felix writes for representative policies, against files under
 * {@code src/test/resources/golden}. Run with {@code -Dfelix.golden.update=true} to rewrite them
 * after an intended change, then read the diff.
 */
class GoldenRestoreTest {
    private static final ValueCodec CODEC = ValueCodec.INSTANCE;
    private final FilterRenderer filter = new FilterRenderer(RulesConfig.DEFAULTS);

    @Test
    void profileFallbackForAnEndpointNoPolicySelects() throws IOException {
        WorkloadEndpointUpdate ep = endpoint("default.web", "caliweb1", "10.65.1.5", List.of(), List.of(),
                List.of("kns.default", "restricted"));
        String text = RestoreText.of(IptablesTable.FILTER, filter.render(List.of(ep), Map.of(),
                Map.of("kns.default", profile(allowAllProfile()),
                        "restricted", profile("{\"inbound_rules\":[{\"action\":\"deny\",\"src_net\":\"192.0.2.0/24\"}],"
                                + "\"outbound_rules\":[{\"action\":\"deny\",\"protocol\":\"udp\",\"dst_ports\":[53]}]}"))));
        assertGolden("profile-fallback.txt", text);
    }

    @Test
    void policyActionsPortsAndNets() throws IOException {
        Policy deny = policy("{\"order\":100,\"inbound_rules\":["
                + "{\"action\":\"deny\",\"protocol\":\"tcp\",\"src_net\":\"10.0.0.0/8\",\"dst_ports\":[22]},"
                + "{\"action\":\"next-tier\",\"src_selector\":\"role == 'admin'\"},"
                + "{\"action\":\"log\",\"protocol\":\"icmp\",\"icmp_type\":8},"
                + "{\"action\":\"allow\",\"protocol\":\"udp\",\"dst_ports\":[53,5353,\"8000:8080\"],"
                + "\"!src_nets\":[\"10.1.0.0/16\",\"10.2.0.0/16\"]},"
                + "{\"action\":\"allow\",\"protocol\":\"tcp\",\"!dst_ports\":[25],\"!src_selector\":\"env == 'dev'\"}],"
                + "\"selector\":\"app == 'db'\",\"types\":[\"ingress\"]}");
        Policy egress = policy("{\"order\":200,\"outbound_rules\":[{\"action\":\"allow\",\"protocol\":\"tcp\","
                + "\"dst_selector\":\"app == 'api'\",\"dst_ports\":[\"8443\"]}],\"selector\":\"app == 'db'\","
                + "\"types\":[\"egress\"]}");
        WorkloadEndpointUpdate ep = endpoint("prod.db", "calidb0", "10.65.1.9", List.of("db-ingress"),
                List.of("db-egress"), List.of("kns.prod"));
        String text = RestoreText.of(IptablesTable.FILTER, filter.render(List.of(ep),
                Map.of("db-ingress", deny, "db-egress", egress), Map.of("kns.prod", profile(allowAllProfile()))));
        assertGolden("policy-actions.txt", text);
    }

    @Test
    void defaultDenyAndAllowAllIngress() throws IOException {
        Policy defaultDeny = policy("{\"selector\":\"all()\",\"types\":[\"ingress\"]}");
        Policy allowAll = policy("{\"order\":1,\"inbound_rules\":[{\"action\":\"allow\"}],\"selector\":\"all()\","
                + "\"types\":[\"ingress\"]}");
        WorkloadEndpointUpdate a = endpoint("default.a", "calia", "10.65.1.1", List.of("allow-all", "default-deny"),
                List.of(), List.of("kns.default"));
        WorkloadEndpointUpdate b = endpoint("default.b", "calib", "10.65.1.2", List.of("allow-all", "default-deny"),
                List.of(), List.of("kns.default"));
        String text = RestoreText.of(IptablesTable.FILTER, filter.render(List.of(b, a),
                Map.of("default-deny", defaultDeny, "allow-all", allowAll),
                Map.of("kns.default", profile(allowAllProfile()))));
        assertGolden("default-deny.txt", text);
    }

    @Test
    void crossProductOfNetsAndTags() throws IOException {
        Policy nets = policy("{\"inbound_rules\":[{\"action\":\"allow\",\"src_nets\":[\"10.1.0.0/16\",\"10.2.0.0/16\"],"
                + "\"dst_nets\":[\"10.65.0.0/16\",\"fd00::/64\"],\"src_tag\":\"frontend\"},"
                + "{\"action\":\"allow\",\"ip_version\":6},"
                + "{\"action\":\"allow\",\"protocol\":\"tcp\",\"dst_ports\":[\"http\"]}],"
                + "\"selector\":\"has(app)\",\"types\":[\"ingress\"]}");
        String text = RestoreText.of(IptablesTable.FILTER, new TableRules(List.of(
                filter.ruleChain(ChainNames.policyInbound("nets"), nets.inboundRules())), List.of()));
        assertGolden("nets-and-tags.txt", text);
    }

    @Test
    void natOutgoing() throws IOException {
        IpPool masq = CODEC.decode(new IpPoolKey(Cidr.parse("10.65.0.0/16")),
                "{\"cidr\":\"10.65.0.0/16\",\"ipip\":\"\",\"masquerade\":true,\"ipam\":true,\"disabled\":false}");
        assertGolden("nat-outgoing.txt", RestoreText.of(IptablesTable.NAT, new NatRenderer().render(List.of(masq))));
    }

    @Test
    void disabledEndpointDropsEverything() throws IOException {
        WorkloadEndpoint ep = CODEC.decode(new WorkloadEndpointKey("node1", "k8s", "default.x", "eth0"),
                V1Json.endpoint("calix", "10.65.1.7", Map.of(), "kns.default").replace("\"active\"", "\"down\""));
        WorkloadEndpointUpdate update = new WorkloadEndpointUpdate(new WorkloadEndpointKey("node1", "k8s", "default.x",
                "eth0"), ep, new EndpointPolicies(List.of(), List.of(), List.of("kns.default")));
        String text = RestoreText.of(IptablesTable.FILTER, new TableRules(List.of(
                new EndpointChains(RulesConfig.DEFAULTS, IpFamily.V4).toWorkload(ep, update.tiers())), List.of()));
        assertGolden("disabled-endpoint.txt", text);
    }

    private static WorkloadEndpointUpdate endpoint(String workload, String iface, String ip, List<String> ingress,
            List<String> egress, List<String> profiles) {
        WorkloadEndpointKey key = new WorkloadEndpointKey("node1", "k8s", workload, "eth0");
        WorkloadEndpoint ep = CODEC.decode(key, V1Json.endpoint(iface, ip, new TreeMap<>(), profiles.toArray(String[]::new)));
        return new WorkloadEndpointUpdate(key, ep, new EndpointPolicies(ingress, egress, profiles));
    }

    private static Policy policy(String json) {
        return CODEC.decode(new PolicyKey("default", "p"), json);
    }

    private static ProfileRules profile(String json) {
        return CODEC.decode(new ProfileRulesKey("p"), json);
    }

    static void assertGolden(String name, String actual) throws IOException {
        Path source = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("felix.golden.update")) {
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual);
        }
        try (InputStream in = GoldenRestoreTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s (create it with -Dfelix.golden.update=true)", name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
