package io.tabby.felix.calc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.DataplaneMessage;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointRemove;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.testing.V1Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: after any random sequence of datastore changes, flushed in random batches, the
 * incremental calculator's state equals a fresh {@link StateCalculator} computation of the same
 * view (endpoints on this and another node, label changes, policies and profiles coming and
 * going, profile labels, pools).
 */
class IncrementalCalculatorTest {
    private static final String NODE = "node1";
    private static final int STEPS = 300;
    private static final List<String> APPS = List.of("web", "db", "cache");
    private static final List<String> SELECTORS = List.of("app == 'web'", "app == 'db'", "has(app)", "env == 'prod'",
            "app in {'web', 'cache'}", "!has(env)", "team == 'a'", "all()", "app == 'web' && env != 'dev'");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomChangeSequencesGiveTheFreshComputation(long seed) {
        Random random = new Random(seed);
        DatastoreView view = new DatastoreView();
        IncrementalCalculator incremental = new IncrementalCalculator(NODE);
        StateCalculator fresh = new StateCalculator(NODE);
        boolean built = false;
        long revision = 1;
        for (int step = 0; step < STEPS; step++) {
            Map.Entry<String, String> change = change(random);
            view.apply(new Update(change.getKey(), change.getValue(), revision++));
            if (random.nextInt(3) != 0) {
                continue; // batch several changes into one flush
            }
            if (!built || view.changedOther) {
                incremental.rebuild(view);
                built = true;
            } else {
                view.changedEndpoints.forEach(key -> incremental.endpointChanged(view, key));
            }
            view.changedOther = false;
            view.changedEndpoints.clear();
            assertThat(incremental.state()).as("seed %d step %d", seed, step).isEqualTo(fresh.compute(view));
        }
    }

    /**
     * Property: a {@link CalcGraph} fed the same random changes, flushed in random batches (an
     * endpoint-only batch goes through {@link EventSequencer#flush(CalcChanges)}), has sent
     * messages that add up to what a fresh graph sends for the whole state; and an endpoint-only
     * batch sends an endpoint message only for endpoints it changed.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void endpointOnlyFlushesSendWhatAFreshGraphWould(long seed) {
        Random random = new Random(seed);
        List<DataplaneMessage> sent = new ArrayList<>();
        CalcGraph graph = new CalcGraph(NODE, sent::add);
        graph.onStatus(SyncStatus.IN_SYNC);
        Map<String, Object> applied = new TreeMap<>();
        Map<String, String> state = new TreeMap<>();
        Set<String> batchKeys = new HashSet<>();
        boolean flushedOnce = false;
        long revision = 1;
        for (int step = 0; step < STEPS; step++) {
            Map.Entry<String, String> change = change(random);
            if (change.getValue() == null) {
                state.remove(change.getKey());
            } else {
                state.put(change.getKey(), change.getValue());
            }
            List<Update> one = new ArrayList<>();
            one.add(new Update(change.getKey(), change.getValue(), revision++));
            graph.onUpdates(one);
            batchKeys.add(change.getKey());
            if (random.nextInt(3) != 0) {
                continue;
            }
            boolean onlyEndpoints = flushedOnce && batchKeys.stream().allMatch(k -> k.contains("/workload/"));
            graph.flush();
            flushedOnce = true;
            if (onlyEndpoints) {
                int at = step;
                sent.stream().filter(m -> m instanceof WorkloadEndpointUpdate || m instanceof WorkloadEndpointRemove)
                        .map(IncrementalCalculatorTest::key).forEach(key -> assertThat(batchKeys.stream()
                                .anyMatch(k -> k.contains("/" + key.substring(key.indexOf(':') + 1) + "/")))
                                .as("seed %d step %d: %s was not changed", seed, at, key).isTrue());
            }
            sent.forEach(m -> apply(applied, m));
            sent.clear();
            batchKeys.clear();

            List<DataplaneMessage> freshSent = new ArrayList<>();
            CalcGraph fresh = new CalcGraph(NODE, freshSent::add);
            List<Update> all = new ArrayList<>();
            long[] r = {1};
            state.forEach((k, v) -> all.add(new Update(k, v, r[0]++)));
            fresh.onUpdates(all);
            fresh.onStatus(SyncStatus.IN_SYNC);
            fresh.flush();
            Map<String, Object> expected = new TreeMap<>();
            freshSent.forEach(m -> apply(expected, m));
            assertThat(applied).as("seed %d step %d", seed, step).isEqualTo(expected);
        }
    }

    /** The model the messages describe: kind and id to the latest value; removals delete. */
    private static void apply(Map<String, Object> model, DataplaneMessage message) {
        String key = key(message);
        if (key.startsWith("-")) {
            model.remove(key.substring(1));
        } else if (!key.isEmpty()) {
            model.put(key, message);
        }
    }

    private static String key(DataplaneMessage m) {
        return switch (m) {
            case DataplaneMessage.IpSetUpdate u -> "set:" + u.id();
            case DataplaneMessage.IpSetRemove u -> "-set:" + u.id();
            case DataplaneMessage.ActivePolicyUpdate u -> "policy:" + u.name();
            case DataplaneMessage.ActivePolicyRemove u -> "-policy:" + u.name();
            case DataplaneMessage.ActiveProfileUpdate u -> "profile:" + u.name();
            case DataplaneMessage.ActiveProfileRemove u -> "-profile:" + u.name();
            case WorkloadEndpointUpdate u -> "endpoint:" + u.id().workload();
            case WorkloadEndpointRemove u -> "-endpoint:" + u.id().workload();
            default -> ""; // pools, tunnels, routes, host endpoints: only through a rebuild, compared by other tests
        };
    }

    /** One random key and value (null deletes); endpoint changes are the most frequent, as in a cluster. */
    private static Map.Entry<String, String> change(Random random) {
        int kind = random.nextInt(22);
        Map<String, String> one = new LinkedHashMap<>();
        if (kind < 14) {
            int i = random.nextInt(12);
            String node = i < 9 ? NODE : "node2";
            String key = V1Json.endpointKey(node, "ns" + (i % 2) + ".pod" + i);
            if (random.nextInt(6) == 0) {
                one.put(key, null);
            } else {
                Map<String, String> labels = new LinkedHashMap<>();
                if (random.nextBoolean()) {
                    labels.put("app", APPS.get(random.nextInt(APPS.size())));
                }
                if (random.nextBoolean()) {
                    labels.put("env", random.nextBoolean() ? "prod" : "dev");
                }
                String ip = "10.65.0." + (random.nextBoolean() ? i + 1 : random.nextInt(20) + 1);
                one.put(key, V1Json.endpoint("cali" + i, ip, labels, "kns.ns" + (i % 2)));
            }
        } else if (kind < 17) {
            String key = V1Json.policyKey("p" + random.nextInt(5));
            one.put(key, random.nextInt(5) == 0 ? null : policy(random));
        } else if (kind < 18) {
            String key = V1Json.profileLabelsKey("kns.ns" + random.nextInt(2));
            one.put(key, random.nextBoolean() ? null : "{\"team\":\"" + (random.nextBoolean() ? "a" : "b") + "\"}");
        } else if (kind < 19) {
            String key = V1Json.profileRulesKey("kns.ns" + random.nextInt(2));
            one.put(key, random.nextBoolean() ? null
                    : "{\"inbound_rules\":[{\"action\":\"allow\",\"src_selector\":\"" + pick(random) + "\"}],"
                            + "\"outbound_rules\":[{\"action\":\"allow\"}]}");
        } else if (kind < 20) {
            one.put(V1Json.poolKey("10.65.0.0-16"), random.nextBoolean() ? null : V1Json.pool("10.65.0.0/16", true)
                    .replace("\"ipip\":\"\"", random.nextBoolean() ? "\"ipip\":\"\"" : "\"ipip\":\"tunl0\""));
        } else if (kind < 21) {
            int i = random.nextInt(3);
            String key = V1Json.hostEndpointKey(i < 2 ? NODE : "node2", "eth" + i);
            one.put(key, random.nextInt(4) == 0 ? null : V1Json.hostEndpoint("eth" + i, "198.51.100." + (i + 1),
                    Map.of("app", APPS.get(random.nextInt(APPS.size()))), "kns.ns" + random.nextInt(2)));
        } else {
            String node = random.nextBoolean() ? NODE : "node2";
            one.put(switch (random.nextInt(3)) {
                case 0 -> "/calico/v1/host/" + node + "/bird_ip";
                case 1 -> "/calico/v1/host/" + node + "/config/IpInIpTunnelAddr";
                default -> "/calico/ipam/v2/host/" + node + "/ipv4/block/10.65." + (node.equals(NODE) ? 1 : 2) + ".0-26";
            }, random.nextInt(4) == 0 ? null : randomNodeValue(random));
        }
        return one.entrySet().iterator().next();
    }

    /** A value that is an address for the address keys and a confirmed affinity for the block keys (each ignores the other). */
    private static String randomNodeValue(Random random) {
        return random.nextBoolean() ? "198.51.100." + (random.nextInt(3) + 1) : "{\"state\":\"confirmed\"}";
    }

    private static String policy(Random random) {
        return "{\"order\":" + random.nextInt(3) + ",\"selector\":\"" + pick(random) + "\",\"inbound_rules\":["
                + "{\"action\":\"allow\",\"src_selector\":\"" + pick(random) + "\"}],\"outbound_rules\":["
                + "{\"action\":\"deny\",\"dst_selector\":\"" + pick(random) + "\"},"
                + "{\"action\":\"allow\",\"!dst_selector\":\"" + pick(random) + "\"}]}";
    }

    private static String pick(Random random) {
        return SELECTORS.get(random.nextInt(SELECTORS.size()));
    }
}
