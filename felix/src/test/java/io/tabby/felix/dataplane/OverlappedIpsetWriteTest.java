package io.tabby.felix.dataplane;

import static io.tabby.felix.testing.V1Json.allowAllProfile;
import static io.tabby.felix.testing.V1Json.endpoint;
import static io.tabby.felix.testing.V1Json.endpointKey;
import static io.tabby.felix.testing.V1Json.policyKey;
import static io.tabby.felix.testing.V1Json.pool;
import static io.tabby.felix.testing.V1Json.poolKey;
import static io.tabby.felix.testing.V1Json.profileRulesKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.felix.api.DataplaneMessage.InSync;
import io.tabby.felix.api.DataplaneMessage.IpSetUpdate;
import io.tabby.felix.api.IpSetKind;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.felix.testing.FakeFelix;
import io.tabby.platform.firewall.IpsetOps;
import io.tabby.platform.firewall.IptablesBackend;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.FakeKernel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void aFailedOverlappedWriteIsRetriedOnTheNextApply() {
        NetNs ns = NetNs.named("node1");
        FakeKernel kernel = new FakeKernel().addNamespace(ns);
        IpsetOps real = kernel.ipsetOps();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        IpsetOps failingOnce = new IpsetOps() {
            @Override
            public void restore(NetNs in, String payload) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("ipset restore refused (test)");
                }
                real.restore(in, payload);
            }

            @Override
            public List<String> listNames(NetNs in) {
                return real.listNames(in);
            }

            @Override
            public Set<String> members(NetNs in, String name) {
                return real.members(in, name);
            }

            @Override
            public void destroy(NetNs in, String name) {
                real.destroy(in, name);
            }
        };
        KernelOps fake = KernelOps.fake(kernel, ns, IptablesBackend.NFT);
        Dataplane dataplane = new Dataplane(new KernelOps(ns, fake.links(), fake.addrs(), fake.routes(), fake.neighs(),
                fake.sysctls(), fake.iptables(), failingOnce), RulesConfig.DEFAULTS, "cali", "node1");
        dataplane.onMessage(new InSync());
        for (int s = 0; s < 150; s++) {
            dataplane.onMessage(new IpSetUpdate("s:set" + s, IpSetKind.HASH_IP, Set.of("10.65.3." + s)));
        }

        assertThat(dataplane.apply()).as("the failed write is left to do").isTrue();
        assertThat(dataplane.failures()).isEqualTo(1);
        assertThat(real.listNames(ns)).isEmpty();

        assertThat(dataplane.apply()).as("the retry wrote everything").isFalse();
        assertThat(real.listNames(ns).stream().filter(name -> name.startsWith("cali40s:"))).hasSize(150);
        assertThat(real.members(ns, "cali40s:set7")).containsExactly("10.65.3.7");
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
