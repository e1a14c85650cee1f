package io.tabby.felix.calc;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.felix.api.EndpointPolicies;
import java.util.List;
import java.util.Map;

/**
 * Walks one endpoint's policies and profiles for one direction exactly as its
 * {@code cali-tw-}/{@code cali-fw-} chain does (see {@code io.tabby.felix.rules}): policies in order,
 * first matching allow/deny decides, pass skips to the profiles, log goes on; an endpoint that
 * policies select is denied when none allows or passes; then profiles in order; then deny.
 */
public final class DirectionEvaluator {
    private DirectionEvaluator() {}

    /**
     * @param ingress true for traffic to the endpoint, false for traffic from it
     */
    public static Verdict evaluate(WorkloadEndpoint endpoint, EndpointPolicies tiers, boolean ingress,
            Map<String, Policy> policies, Map<String, ProfileRules> profiles, Flow flow) {
        if (!endpoint.state().equals(WorkloadEndpoint.ACTIVE)) {
            return new Verdict(false, "default", "endpoint admin disabled", -1,
                    "endpoint " + endpoint.name() + " is not active (state " + endpoint.state() + ")");
        }
        List<String> names = ingress ? tiers.ingress() : tiers.egress();
        boolean passed = false;
        for (String name : names) {
            Policy policy = policies.get(name);
            List<Rule> rules = ingress ? policy.inboundRules() : policy.outboundRules();
            Outcome outcome = firstMatch(rules, flow);
            if (outcome.action.equals("pass")) {
                passed = true;
                break;
            }
            if (!outcome.action.isEmpty()) {
                boolean allowed = outcome.action.equals("allow");
                return new Verdict(allowed, "policy", name, outcome.index,
                        "rule " + (outcome.index + 1) + " of policy " + name + " " + (allowed ? "allows" : "denies"));
            }
        }
        if (!names.isEmpty() && !passed) {
            return new Verdict(false, "default", "no policy allowed", -1, "policies " + names
                    + " select the endpoint and none allows or passes, so it is denied");
        }
        for (String name : tiers.profiles()) {
            ProfileRules rules = profiles.get(name);
            if (rules == null) {
                continue;
            }
            Outcome outcome = firstMatch(ingress ? rules.inboundRules() : rules.outboundRules(), flow);
            if (outcome.action.equals("allow") || outcome.action.equals("deny")) {
                boolean allowed = outcome.action.equals("allow");
                return new Verdict(allowed, "profile", name, outcome.index,
                        "rule " + (outcome.index + 1) + " of profile " + name + " " + (allowed ? "allows" : "denies"));
            }
        }
        return new Verdict(false, "default", "no profile allowed", -1,
                (passed ? "a policy passed to the profiles; " : "no policy selects the endpoint; ")
                        + "no profile " + tiers.profiles() + " allows, so it is denied");
    }

    private record Outcome(String action, int index) {}

    /** The first allow, deny or pass rule matching; log rules only log. */
    private static Outcome firstMatch(List<Rule> rules, Flow flow) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String action = switch (rule.action()) {
                case "", "allow" -> "allow";
                case "next-tier", "pass" -> "pass";
                case "deny" -> "deny";
                default -> "";
            };
            if (!action.isEmpty() && RuleMatcher.matches(rule, flow)) {
                return new Outcome(action, i);
            }
        }
        return new Outcome("", -1);
    }
}
