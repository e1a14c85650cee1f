package io.tabby.bird.rib;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** The decision steps as small rules, in order, for one {@link RibConfig}. */
final class DecisionRules {
    private DecisionRules() {
    }

    static List<DecisionRule> forConfig(RibConfig config) {
        List<DecisionRule> rules = new ArrayList<>();
        rules.add(rule(DecisionStep.LOCAL_PREF, (a, b) -> Long.compare(
                PathFacts.localPref(b.attributes(), config.defaultLocalPref()),
                PathFacts.localPref(a.attributes(), config.defaultLocalPref()))));
        rules.add(rule(DecisionStep.AS_PATH_LENGTH, (a, b) -> Integer.compare(
                PathFacts.asPathLength(a.attributes()), PathFacts.asPathLength(b.attributes()))));
        rules.add(rule(DecisionStep.ORIGIN, (a, b) -> Integer.compare(
                PathFacts.origin(a.attributes()), PathFacts.origin(b.attributes()))));
        rules.add(new MedRule(config.alwaysCompareMed()));
        rules.add(rule(DecisionStep.EXTERNAL_OVER_INTERNAL, (a, b) -> Boolean.compare(
                a.source().internal(), b.source().internal())));
        rules.add(rule(DecisionStep.IGP_METRIC, (a, b) -> Long.compare(
                config.igpMetric().cost(a), config.igpMetric().cost(b))));
        if (config.preferOldestExternal()) {
            rules.add(new OldestExternalRule());
        }
        rules.add(rule(DecisionStep.ROUTER_ID, (a, b) -> Integer.compareUnsigned(
                PathFacts.originatorOr(a.attributes(), a.source().routerId()),
                PathFacts.originatorOr(b.attributes(), b.source().routerId()))));
        rules.add(rule(DecisionStep.CLUSTER_LIST_LENGTH, (a, b) -> Integer.compare(
                PathFacts.clusterListLength(a.attributes()), PathFacts.clusterListLength(b.attributes()))));
        rules.add(rule(DecisionStep.PEER_ADDRESS, (a, b) -> compareAddresses(
                a.source().address(), b.source().address())));
        rules.add(rule(DecisionStep.PATH_ID, (a, b) -> Integer.compareUnsigned(a.pathId(), b.pathId())));
        return List.copyOf(rules);
    }

    /** IPv4 before IPv6, then numerically. */
    static int compareAddresses(InetAddress a, InetAddress b) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        for (int i = 0; i < x.length; i++) {
            int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private interface Comparison {
        int compare(Route a, Route b);
    }

    private static DecisionRule rule(DecisionStep step, Comparison comparison) {
        return new DecisionRule() {
            @Override
            public DecisionStep step() {
                return step;
            }

            @Override
            public int compare(Route a, Route b) {
                return comparison.compare(a, b);
            }
        };
    }

    /** Lowest MED, only between paths from the same neighbour AS unless told to always compare. */
    private record MedRule(boolean always) implements DecisionRule {
        @Override
        public DecisionStep step() {
            return DecisionStep.MED;
        }

        @Override
        public int compare(Route a, Route b) {
            return Long.compare(PathFacts.med(a.attributes()), PathFacts.med(b.attributes()));
        }

        @Override
        public boolean comparable(Route a, Route b) {
            return always || PathFacts.neighbourAs(a.attributes()) == PathFacts.neighbourAs(b.attributes());
        }
    }

    /** RFC 5004: between two eBGP paths the one that arrived first stays, avoiding churn. */
    private record OldestExternalRule() implements DecisionRule {
        @Override
        public DecisionStep step() {
            return DecisionStep.OLDEST_EXTERNAL;
        }

        @Override
        public int compare(Route a, Route b) {
            return Long.compare(a.arrival(), b.arrival());
        }

        @Override
        public boolean comparable(Route a, Route b) {
            return !a.source().internal() && !b.source().internal();
        }
    }
}
