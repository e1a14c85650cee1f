package io.tabby.felix.calc;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.dualStackEndpoint;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.selector.Selector;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.testing.FakeFelix.KernelState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dual-stack endpoints through the calculation graph and dataplane on a fake kernel: the IPv6
 * filter table, the {@code cali60} sets and the /128 routes converge like their IPv4 twins, for
 * the sequence forwards, reversed, squashed, with empty states between and shuffled.
 */
class DualStackSequenceTest extends SequenceConvergenceTests {
    private static final List<String> IFACES = List.of("calia1", "calib2");
    private static final String SEL_A = IpSetIds.forSelector(Selector.parse("app == 'a'"));

    private static final Map<String, String> BASE = Map.of(
            poolKey("10.65.0.0-16"), pool("10.65.0.0/16", false),
            "/calico/v1/ipam/v6/pool/fd00:65::-64", pool("fd00:65::/64", false),
            profileRulesKey("kns.default"), allowAllProfile());
    private static final Map<String, String> S1 = with(BASE, Map.of(
            endpointKey("node1", "default.a"), dualStackEndpoint("calia1", "10.65.1.1", "fd00:65::1",
                    Map.of("app", "a"), "kns.default"),
            endpointKey("node1", "default.b"), dualStackEndpoint("calib2", "10.65.1.2", "fd00:65::2",
                    Map.of("app", "b"), "kns.default"),
            endpointKey("node2", "default.c"), dualStackEndpoint("calic3", "10.65.2.1", "fd00:65::3",
                    Map.of("app", "a"), "kns.default")));
    private static final Map<String, String> S2 = with(S1, Map.of(policyKey("default-deny"),
            "{\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}"));
    private static final Map<String, String> S3 = with(S2, Map.of(policyKey("allow-a6"),
            "{\"order\":10,\"inbound_rules\":[{\"action\":\"allow\",\"ip_version\":6,\"src_selector\":\"app == 'a'\"}],"
                    + "\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}"));
    /** Pod a loses its IPv6 address. */
    private static final Map<String, String> S4 = with(S3, Map.of(endpointKey("node1", "default.a"),
            endpoint("calia1", "10.65.1.1", Map.of("app", "a"), "kns.default")));
    private static final Map<String, String> S5 = without(S4, endpointKey("node1", "default.b"));
    private static final List<Map<String, String>> SEQUENCE = List.of(S1, S2, S3, S4, S5);

    @Override
    List<String> interfaces() {
        return IFACES;
    }

    @Override
    List<Map<String, String>> sequence() {
        return SEQUENCE;
    }

    @Test
    void bothFamiliesAreProgrammedForDualStackEndpoints() {
        KernelState kernel = run(List.of(S3));
        assertThat(kernel.routes()).containsExactly(
                "10.65.1.1/32 dev calia1 proto 3 scope LINK", "10.65.1.2/32 dev calib2 proto 3 scope LINK",
                "fd00:65::1/128 dev calia1 proto 3 scope UNIVERSE", "fd00:65::2/128 dev calib2 proto 3 scope UNIVERSE");
        assertThat(kernel.ipsets().get(IpSetIds.v4Name(SEL_A))).containsExactly("10.65.1.1", "10.65.2.1");
        assertThat(kernel.ipsets().get(IpSetIds.v6Name(SEL_A))).containsExactly("fd00:65::1", "fd00:65::3");
        assertThat(kernel.ipsets().get("cali60all-ipam-pools")).containsExactly("fd00:65::/64");
        assertThat(kernel.ipsets().get("cali40all-ipam-pools")).containsExactly("10.65.0.0/16");
        assertThat(String.join("\n", kernel.chain("filter6/cali-pi-allow-a6")))
                .contains("-m set --match-set " + IpSetIds.v6Name(SEL_A) + " src");
        assertThat(kernel.chain("filter/cali-pi-allow-a6")).as("an ip_version 6 rule has no IPv4 form").isEmpty();
        assertThat(String.join("\n", kernel.chain("filter6/cali-tw-calib2")))
                .containsSubsequence("-j cali-pi-allow-a6", "-j cali-pi-default-deny", "Drop if no policies passed");
        assertThat(String.join("\n", kernel.chain("filter6/cali-fw-calia1"))).contains("-s fd00:65::1/128");
        assertThat(String.join("\n", kernel.chain("filter6/cali-wl-to-host"))).contains("--icmpv6-type 135");
        assertThat(kernel.chain("filter6/FORWARD")).hasSize(1).first().asString().contains("-j cali-FORWARD");
    }

    @Test
    void losingItsIpv6AddressTakesTheRouteAndSetMemberAway() {
        KernelState kernel = run(List.of(S3, S4));
        assertThat(kernel.routes()).doesNotContain("fd00:65::1/128 dev calia1 proto 3 scope UNIVERSE")
                .contains("10.65.1.1/32 dev calia1 proto 3 scope LINK");
        assertThat(kernel.ipsets().get(IpSetIds.v6Name(SEL_A))).containsExactly("fd00:65::3");
        assertThat(kernel.chains()).as("no IPv6 address: no chains in the IPv6 table")
                .doesNotContainKeys("filter6/cali-fw-calia1", "filter6/cali-tw-calia1")
                .containsKeys("filter/cali-fw-calia1", "filter6/cali-tw-calib2");
        assertThat(String.join("\n", kernel.chain("filter6/cali-from-wl-dispatch")))
                .as("its IPv6 packets meet the unknown-interface drop").doesNotContain("calia1").contains("Unknown interface");
    }
}
