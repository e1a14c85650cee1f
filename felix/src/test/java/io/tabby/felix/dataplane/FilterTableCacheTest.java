package io.tabby.felix.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.codec.ValueCodec;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.EndpointPolicies;
import io.tabby.felix.rules.FilterRenderer;
import io.tabby.felix.rules.RulesConfig;
import io.tabby.felix.testing.V1Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: the cached filter table equals a fresh {@link FilterRenderer#render} after any random
 * sequence of endpoint, policy and profile changes (past the dispatch split, too).
 */
class FilterTableCacheTest {
    private static final ValueCodec CODEC = ValueCodec.INSTANCE;
    private static final List<String> POLICIES = List.of("a", "b", "c");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void cachedRenderEqualsAFreshRender(long seed) {
        Random random = new Random(seed);
        FilterRenderer renderer = new FilterRenderer(RulesConfig.DEFAULTS);
        FilterTableCache cache = new FilterTableCache(renderer);
        Map<WorkloadEndpointKey, WorkloadEndpointUpdate> endpoints = new HashMap<>();
        Map<String, Policy> policies = new HashMap<>();
        Map<String, ProfileRules> profiles = new HashMap<>();
        for (int step = 0; step < 400; step++) {
            int kind = random.nextInt(10);
            if (kind < 7) {
                int i = random.nextInt(150); // up to 150 endpoints: beyond one flat dispatch chain
                WorkloadEndpointKey key = new WorkloadEndpointKey("node1", "k8s", "ns.pod" + i, "eth0");
                if (random.nextInt(5) == 0) {
                    endpoints.remove(key);
                } else {
                    endpoints.put(key, endpoint(key, i, random));
                }
            } else if (kind < 9) {
                String name = POLICIES.get(random.nextInt(POLICIES.size()));
                if (random.nextInt(4) == 0) {
                    policies.remove(name);
                } else {
                    policies.put(name, CODEC.decode(new PolicyKey("default", name), "{\"order\":1,\"selector\":\"all()\","
                            + "\"inbound_rules\":[{\"action\":\"allow\",\"protocol\":\"tcp\",\"dst_ports\":["
                            + (random.nextInt(3) + 80) + "]}],\"outbound_rules\":[]}"));
                }
            } else if (random.nextBoolean()) {
                profiles.remove("kns.ns");
            } else {
                profiles.put("kns.ns", CODEC.decode(new ProfileRulesKey("kns.ns"), V1Json.allowAllProfile()));
            }
            boolean vxlan = random.nextInt(4) == 0;
            if (random.nextInt(3) == 0) {
                assertThat(cache.render(endpoints, policies, profiles, vxlan)).as("seed %d step %d", seed, step)
                        .isEqualTo(renderer.render(endpoints.values(), policies, profiles, vxlan));
            }
        }
    }

    private static WorkloadEndpointUpdate endpoint(WorkloadEndpointKey key, int i, Random random) {
        WorkloadEndpoint ep = CODEC.decode(key, V1Json.endpoint("cali" + Integer.toHexString(i * 7919 % 4096), "10.65.0."
                + random.nextInt(250), Map.of(), "kns.ns"));
        List<String> chosen = new ArrayList<>();
        POLICIES.stream().filter(p -> random.nextBoolean()).forEach(chosen::add);
        return new WorkloadEndpointUpdate(key, ep, new EndpointPolicies(chosen, List.of(), List.of("kns.ns")));
    }
}
