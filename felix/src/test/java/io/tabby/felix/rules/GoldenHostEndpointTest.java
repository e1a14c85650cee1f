package io.tabby.felix.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.path.HostEndpointKey;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import io.tabby.felix.testing.V1Json;
import io.tabby.platform.firewall.IptablesTable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact filter table for a host endpoint: the dispatch from {@code cali-INPUT},
 * {@code cali-OUTPUT} and {@code cali-FORWARD}, the {@code cali-fh-}/{@code cali-th-} chains with the
 * failsafe jump before any policy, and failsafe chains from configured ports.
 */
class GoldenHostEndpointTest {
    private static final ValueCodec CODEC = ValueCodec.INSTANCE;
    private static final RulesConfig CONFIG = new RulesConfig(MarkBits.DEFAULT, "DROP", "calico-packet",
            FailsafePort.parseList("tcp:22, udp:68", "test"), FailsafePort.parseList("udp:53", "test"));

    @Test
    void hostEndpointWithPolicyAndProfile() throws IOException {
        HostEndpointKey key = new HostEndpointKey("node1", "eth0");
        HostEndpoint hep = CODEC.decode(key, V1Json.hostEndpoint("eth0", "192.0.2.10", Map.of("role", "node"), "hosts"));
        Policy policy = CODEC.decode(new PolicyKey("default", "p"), "{\"inbound_rules\":[{\"action\":\"deny\","
                + "\"protocol\":\"tcp\",\"dst_ports\":[8080]}],\"selector\":\"role == 'node'\",\"types\":[\"ingress\"]}");
        ProfileRules profile = CODEC.decode(new ProfileRulesKey("hosts"), V1Json.allowAllProfile());
        HostEndpointUpdate update = new HostEndpointUpdate(key, hep,
                new EndpointPolicies(List.of("no-8080"), List.of(), List.of("hosts")));
        String text = RestoreText.of(IptablesTable.FILTER, new FilterRenderer(CONFIG).render(List.of(), List.of(update),
                Map.of("no-8080", policy), Map.of("hosts", profile), Encapsulation.NONE));
        GoldenRestoreTest.assertGolden("host-endpoint.txt", text);
    }

    @Test
    void twoEndpointsOnOneInterfaceRenderTheFirstByKey() {
        HostEndpointKey a = new HostEndpointKey("node1", "a");
        HostEndpointKey b = new HostEndpointKey("node1", "b");
        HostEndpoint hep = CODEC.decode(a, V1Json.hostEndpoint("eth0", "192.0.2.10", Map.of()));
        List<HostEndpointUpdate> distinct = FilterRenderer.distinctInterfaces(List.of(
                new HostEndpointUpdate(b, hep, EndpointPolicies.NONE), new HostEndpointUpdate(a, hep, EndpointPolicies.NONE)));
        assertThat(distinct).extracting(HostEndpointUpdate::id).containsExactly(a);
    }

    @Test
    void ipv6TableHasTheSameHostEndpointChains() {
        HostEndpointKey key = new HostEndpointKey("node1", "eth0");
        HostEndpoint hep = CODEC.decode(key, V1Json.hostEndpoint("eth0", "192.0.2.10", Map.of()));
        TableRules rules = new FilterRenderer(CONFIG, IpFamily.V6).render(List.of(),
                List.of(new HostEndpointUpdate(key, hep, EndpointPolicies.NONE)), Map.of(), Map.of(), Encapsulation.NONE);
        assertThat(rules.chains()).extracting(Chain::name).contains("cali-fh-eth0", "cali-th-eth0",
                ChainNames.FAILSAFE_IN, ChainNames.FAILSAFE_OUT);
    }

    @Test
    void failsafeListsParseAsCalicoWritesThem() {
        assertThat(FailsafePort.parseList("tcp:22, udp:68,8080", "X")).containsExactly(new FailsafePort("tcp", 22),
                new FailsafePort("udp", 68), new FailsafePort("tcp", 8080));
        assertThat(FailsafePort.parseList("none", "X")).isEmpty();
        assertThat(FailsafePort.parseList("", "X")).isEmpty();
        assertThatThrownBy(() -> FailsafePort.parseList("tcp:22,icmp:1", "FELIX_FAILSAFEINBOUNDHOSTPORTS"))
                .hasMessageContaining("FELIX_FAILSAFEINBOUNDHOSTPORTS").hasMessageContaining("icmp:1");
        assertThatThrownBy(() -> FailsafePort.parseList("tcp:99999", "X")).hasMessageContaining("1-65535");
    }
}
