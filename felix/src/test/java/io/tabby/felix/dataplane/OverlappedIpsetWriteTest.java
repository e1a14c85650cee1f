package io.tabby.felix.dataplane;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.testing.FakeFelix;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A first programming with many ip sets writes them on their own thread while the filter tables
 * are rendered; the kernel must end up exactly as when the same state arrives in small steps,
 * whose few sets are written on the dataplane thread.
 */
class OverlappedIpsetWriteTest {
    private static final int POLICIES = 240;

    @Test
    void manySetsAtOnceGiveTheSameKernelAsFewAtATime() {
        FakeFelix atOnce = new FakeFelix(List.of("calia1")).apply(state(POLICIES));

        FakeFelix stepwise = new FakeFelix(List.of("calia1"));
        for (int policies = 0; policies <= POLICIES; policies += 40) {
            stepwise.apply(state(policies));
        }

        var kernel = atOnce.kernel();
        assertThat(kernel.ipsets().keySet().stream().filter(name -> name.startsWith("cali40s:")))
                .as("one set per peer selector").hasSize(POLICIES);
        assertThat(kernel.chains().values().stream().flatMap(List::stream).filter(r -> r.contains("--match-set cali40s:")))
                .as("rules naming the sets").hasSize(POLICIES);
        assertThat(kernel).isEqualTo(stepwise.kernel());
        assertThat(atOnce.dataplane().apply()).as("nothing left to do").isFalse();
    }

    /** An endpoint, a peer per policy, and {@code policies} policies each allowing one peer in. */
    private static Map<String, String> state(int policies) {
        Map<String, String> state = new HashMap<>();
        state.put(poolKey("10.65.0.0-16"), pool("10.65.0.0/16", true));
        state.put(profileRulesKey("kns.default"), allowAllProfile());
        state.put(endpointKey("node1", "default.a"), endpoint("calia1", "10.65.1.1", Map.of("app", "a"), "kns.default"));
        for (int p = 0; p < POLICIES; p++) {
            state.put(endpointKey("node2", "default.peer" + p), endpoint("calip" + p, "10.65.2." + p,
                    Map.of("app", "peer" + p), "kns.default"));
        }
        for (int p = 0; p < policies; p++) {
            state.put(policyKey("allow-" + p), "{\"selector\":\"app == 'a'\",\"types\":[\"ingress\"],"
                    + "\"inbound_rules\":[{\"action\":\"allow\",\"src_selector\":\"app == 'peer" + p + "'\"}]}");
        }
        return state;
    }
}
