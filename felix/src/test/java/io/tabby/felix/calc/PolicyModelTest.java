package io.tabby.felix.calc;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.model.IpAddr;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyModelTest {
    private static final IpAddr A = IpAddr.parse("10.65.1.1");
    private static final IpAddr B = IpAddr.parse("10.65.1.2");
    private static final IpAddr OUTSIDE = IpAddr.parse("192.0.2.7");
    private static final int TCP = 6;
    private static final int ICMP = 1;

    private final Map<String, String> keys = new HashMap<>(Map.of(
            profileRulesKey("kns.default"), allowAllProfile(),
            endpointKey("node1", "default.a"), endpoint("calia1", "10.65.1.1", Map.of("app", "a"), "kns.default"),
            endpointKey("node2", "default.b"), endpoint("calib2", "10.65.1.2", Map.of("app", "b"), "kns.default"),
            policyKey("default-deny"), "{\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}",
            policyKey("allow-a"), "{\"order\":10,\"inbound_rules\":[{\"action\":\"log\"},{\"action\":\"allow\","
                    + "\"protocol\":\"tcp\",\"src_selector\":\"app == 'a'\",\"dst_ports\":[80]}],"
                    + "\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}"));

    @Test
    void thePolicyRuleThatAllowsIsNamed() {
        FlowExplanation e = PolicyModel.of(keys).explain(A, B, TCP, 80, null);
        assertThat(e.allowed()).isTrue();
        assertThat(e.ingress()).get().extracting(Verdict::decidedBy, Verdict::name, Verdict::ruleIndex)
                .containsExactly("policy", "allow-a", 1);
        assertThat(e.egress()).get().extracting(Verdict::decidedBy, Verdict::name).containsExactly("profile", "kns.default");
    }

    @Test
    void anEndpointPoliciesSelectIsDeniedWhenNoneAllows() {
        PolicyModel model = PolicyModel.of(keys);
        assertThat(model.explain(A, B, TCP, 8080, null).ingress()).get()
                .extracting(Verdict::allowed, Verdict::name).containsExactly(false, "no policy allowed");
        assertThat(model.explain(A, B, ICMP, 0, 8).allowed()).isFalse();
        assertThat(model.explain(OUTSIDE, B, TCP, 80, null).allowed()).as("selectors match endpoints only").isFalse();
    }

    @Test
    void anEndpointNoPolicySelectsFallsThroughToItsProfiles() {
        FlowExplanation e = PolicyModel.of(keys).explain(B, A, ICMP, 0, 8);
        assertThat(e.allowed()).isTrue();
        assertThat(e.ingress()).get().extracting(Verdict::decidedBy).isEqualTo("profile");
    }

    @Test
    void passSkipsToTheProfiles() {
        keys.put(policyKey("allow-a"), "{\"order\":10,\"inbound_rules\":[{\"action\":\"next-tier\"}],"
                + "\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}");
        FlowExplanation e = PolicyModel.of(keys).explain(A, B, TCP, 8080, null);
        assertThat(e.ingress()).get().extracting(Verdict::allowed, Verdict::decidedBy).containsExactly(true, "profile");
    }

    @Test
    void aNonEndpointEndHasNoVerdict() {
        FlowExplanation e = PolicyModel.of(keys).explain(A, OUTSIDE, TCP, 443, null);
        assertThat(e.ingress()).isEmpty();
        assertThat(e.destination()).isEmpty();
        assertThat(e.allowed()).isTrue();
    }

    @Test
    void netsAndNegationsMatchLikeTheRenderedRules() {
        keys.put(policyKey("allow-a"), "{\"order\":10,\"inbound_rules\":[{\"action\":\"deny\","
                + "\"src_nets\":[\"192.0.2.0/24\"]},{\"action\":\"allow\",\"!src_net\":\"10.0.0.0/8\"}],"
                + "\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}");
        PolicyModel model = PolicyModel.of(keys);
        assertThat(model.explain(OUTSIDE, B, TCP, 80, null).ingress()).get()
                .extracting(Verdict::allowed, Verdict::ruleIndex).containsExactly(false, 0);
        assertThat(model.explain(A, B, TCP, 80, null).allowed()).isFalse();
        assertThat(model.explain(IpAddr.parse("172.16.0.1"), B, TCP, 80, null).allowed()).isTrue();
    }
}
