package io.tabby.bench.cluster;

/**
 * The names and addresses that {@code scripts/lib/bench-cluster.sh} and this package agree on.
 * Scenario {@code s} (1-based; for each N in order, first Tabby then BIRD) has its own origin
 * namespace {@code cb-o<s>} at 10.98.0.(10+s) and pod namespaces {@code cb-p<s>-<k>}; simulated
 * node {@code i} (1-based) is 10.98.1.i in {@code cb-sim}. Every origin address sorts before every
 * simulated one as a string, so confd's mesh makes the origin the passive side of each session
 * and only the simulated nodes connect. Pod {@code k} of a scenario draws from pool {@code k}, a
 * lone /26 in 10.200.0.0/16, which is also the one block it claims.
 */
final class ClusterPlan {
    static final int MAX_SIMULATED = 200;
    static final int MAX_SCENARIOS = 40;
    static final int MAX_PODS = 1000;
    static final String SIM_NAMESPACE = "cb-sim";
    static final String UNDERLAY_NETWORK = "10.98.0.0/16";

    private ClusterPlan() {
    }

    static String originNamespace(int scenario) {
        checkScenario(scenario);
        return "cb-o" + scenario;
    }

    static String originAddress(int scenario) {
        checkScenario(scenario);
        return "10.98.0." + (10 + scenario);
    }

    static String podNamespace(int scenario, int pod) {
        checkScenario(scenario);
        checkPod(pod);
        return "cb-p" + scenario + "-" + pod;
    }

    static String simulatedAddress(int i) {
        if (i < 1 || i > MAX_SIMULATED) {
            throw new IllegalArgumentException("simulated node " + i + " is outside 1.." + MAX_SIMULATED);
        }
        return "10.98.1." + i;
    }

    static String simulatedName(int i) {
        simulatedAddress(i);
        return "cb-sim" + i;
    }

    /** Pool {@code k} (0-based), a /26 that is its own single block: 10.200.(k/4).((k%4)*64)/26. */
    static String pool(int pod) {
        checkPod(pod);
        return "10.200." + (pod / 4) + "." + (pod % 4) * 64 + "/26";
    }

    private static void checkScenario(int scenario) {
        if (scenario < 1 || scenario > MAX_SCENARIOS) {
            throw new IllegalArgumentException("scenario " + scenario + " is outside 1.." + MAX_SCENARIOS);
        }
    }

    private static void checkPod(int pod) {
        if (pod < 0 || pod >= MAX_PODS) {
            throw new IllegalArgumentException("pod " + pod + " is outside 0.." + (MAX_PODS - 1));
        }
    }
}
