package io.tabby.felix.calc;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileLabelsKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.selector.Selector;
import io.tabby.felix.api.IpSetIds;
import io.tabby.felix.testing.FakeFelix;
import io.tabby.felix.testing.FakeFelix.KernelState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Datastore state sequences through the calculation graph and dataplane on a fake kernel: after
 * every step the kernel must equal what a fresh felix builds from that state alone, whatever came
 * before, so each sequence also runs reversed, squashed, with empty states between, and shuffled.
 */
class StateSequenceTest extends SequenceConvergenceTests {
    private static final List<String> IFACES = List.of("calia1", "calib2");
    private static final String SEL_A = IpSetIds.v4Name(IpSetIds.forSelector(Selector.parse("app == 'a'")));

    private static final Map<String, String> BASE = Map.of(
            poolKey("10.65.0.0-16"), pool("10.65.0.0/16", true),
            profileRulesKey("kns.default"), allowAllProfile(),
            profileLabelsKey("kns.default"), "{\"ns\":\"default\"}");
    private static final Map<String, String> S1 = with(BASE, Map.of(
            endpointKey("node1", "default.a"), endpoint("calia1", "10.65.1.1", Map.of("app", "a"), "kns.default"),
            endpointKey("node1", "default.b"), endpoint("calib2", "10.65.1.2", Map.of("app", "b"), "kns.default"),
            endpointKey("node2", "default.c"), endpoint("calic3", "10.65.2.1", Map.of("app", "a"), "kns.default")));
    private static final Map<String, String> S2 = with(S1, Map.of(policyKey("default-deny"),
            "{\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}"));
    private static final Map<String, String> S3 = with(S2, Map.of(policyKey("allow-a"),
            "{\"order\":10,\"inbound_rules\":[{\"action\":\"allow\",\"protocol\":\"tcp\",\"src_selector\":\"app == 'a'\","
                    + "\"dst_ports\":[80]}],\"selector\":\"app == 'b'\",\"types\":[\"ingress\"]}"));
    private static final Map<String, String> S4 = with(S3, Map.of(endpointKey("node1", "default.a"),
            endpoint("calia1", "10.65.1.1", Map.of("app", "z"), "kns.default")));
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
    void defaultDenyAndAllowProgramTheReceiversIngressInOrder() {
        KernelState kernel = run(List.of(S3));
        List<String> tw = kernel.chain("filter/cali-tw-calib2");
        assertThat(String.join("\n", tw)).containsSubsequence("-j cali-pi-allow-a", "-j cali-pi-default-deny",
                "Drop if no policies passed packet", "-j cali-pri-kns.default", "Drop if no profiles matched");
        assertThat(kernel.chain("filter/cali-pi-default-deny")).isEmpty();
        assertThat(String.join("\n", kernel.chain("filter/cali-pi-allow-a")))
                .contains("-p tcp -m set --match-set " + SEL_A + " src -m multiport --destination-ports 80");
        // the sender has no policies: only its profile decides
        assertThat(String.join("\n", kernel.chain("filter/cali-tw-calia1"))).doesNotContain("cali-pi-");
        // selector members come from every node
        assertThat(kernel.ipsets().get(SEL_A)).containsExactly("10.65.1.1", "10.65.2.1");
        assertThat(kernel.ipsets().get("cali40masq-ipam-pools")).containsExactly("10.65.0.0/16");
        assertThat(kernel.routes()).containsExactly("10.65.1.1/32 dev calia1 proto 3 scope LINK",
                "10.65.1.2/32 dev calib2 proto 3 scope LINK");
        assertThat(kernel.neighbours()).containsExactly("10.65.1.1 lladdr 0a:58:0a:41:01:02 dev calia1",
                "10.65.1.2 lladdr 0a:58:0a:41:01:02 dev calib2");
        assertThat(kernel.chain("filter/FORWARD")).hasSize(1).first().asString().contains("-j cali-FORWARD");
        assertThat(String.join("\n", kernel.chain("nat/cali-nat-outgoing"))).contains("-j MASQUERADE");
    }

    @Test
    void aLabelChangeMovesTheEndpointOutOfTheSelectorSet() {
        KernelState before = run(List.of(S3));
        KernelState after = run(List.of(S3, S4));
        assertThat(before.ipsets().get(SEL_A)).contains("10.65.1.1");
        assertThat(after.ipsets().get(SEL_A)).containsExactly("10.65.2.1");
    }

    @Test
    void aLabelChangeReprogramsOnlyWhatItAffects() {
        FakeFelix felix = new FakeFelix(IFACES).apply(S3);
        felix.fakeKernel().clearDeltas();
        felix.apply(S4);
        assertThat(felix.fakeKernel().deltas()).extracting(d -> d.operation() + " " + d.subject())
                .containsExactly("ipset del del " + SEL_A + " 10.65.1.1");
    }

    @Test
    void policiesNoLongerUsedLeaveTheKernel() {
        KernelState kernel = run(List.of(S3, S5));
        assertThat(kernel.chains().keySet()).noneMatch(name -> name.contains("cali-pi-") || name.contains("calib2"));
        assertThat(kernel.ipsets()).doesNotContainKey(SEL_A);
        assertThat(kernel.routes()).containsExactly("10.65.1.1/32 dev calia1 proto 3 scope LINK");
    }
}
