package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Rule;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The filter table: the static chains, the dispatch chains, one pair of chains per local
 * workload endpoint and one pair per active policy and profile (see the package documentation).
 */
public final class FilterRenderer {
    private final RulesConfig config;
    private final EndpointChains endpointChains;
    private final PolicyRuleRenderer ruleRenderer;

    public FilterRenderer(RulesConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.endpointChains = new EndpointChains(config);
        this.ruleRenderer = new PolicyRuleRenderer(config);
    }

    /** Every chain and hook felix wants in the filter table. */
    public TableRules render(Collection<WorkloadEndpointUpdate> endpoints, Map<String, Policy> policies,
            Map<String, ProfileRules> profiles) {
        List<WorkloadEndpointUpdate> sorted = new ArrayList<>(endpoints);
        sorted.sort(Comparator.comparing(u -> u.endpoint().name()));
        List<Chain> chains = new ArrayList<>(staticChains());
        chains.add(dispatch(ChainNames.FROM_WL_DISPATCH, "-i", sorted, true));
        chains.add(dispatch(ChainNames.TO_WL_DISPATCH, "-o", sorted, false));
        for (WorkloadEndpointUpdate update : sorted) {
            chains.add(endpointChains.toWorkload(update.endpoint(), update.tiers()));
            chains.add(endpointChains.fromWorkload(update.endpoint(), update.tiers()));
        }
        new TreeMap<>(policies).forEach((name, policy) -> {
            chains.add(ruleChain(ChainNames.policyInbound(name), policy.inboundRules()));
            chains.add(ruleChain(ChainNames.policyOutbound(name), policy.outboundRules()));
        });
        new TreeMap<>(profiles).forEach((name, rules) -> {
            chains.add(ruleChain(ChainNames.profileInbound(name), rules.inboundRules()));
            chains.add(ruleChain(ChainNames.profileOutbound(name), rules.outboundRules()));
        });
        return new TableRules(chains, hooks());
    }

    /** The chain of one policy or profile direction: its rules in order. */
    public Chain ruleChain(String name, List<Rule> rules) {
        List<RuleSpec> specs = new ArrayList<>();
        rules.forEach(rule -> specs.addAll(ruleRenderer.render(rule)));
        return new Chain(name, specs);
    }

    private List<Chain> staticChains() {
        MarkBits marks = config.marks();
        return List.of(
                new Chain(ChainNames.FORWARD, List.of(
                        RuleSpec.of("-i cali+", "-j " + ChainNames.FROM_WL_DISPATCH),
                        RuleSpec.of("-o cali+", "-j " + ChainNames.TO_WL_DISPATCH),
                        RuleSpec.commented("Policy explicitly accepted packet.", "-i cali+", "-j ACCEPT"),
                        RuleSpec.commented("Policy explicitly accepted packet.", "-o cali+", "-j ACCEPT"))),
                new Chain(ChainNames.INPUT, List.of(
                        RuleSpec.of(MarkBits.isSet(marks.accept()), "-j ACCEPT"),
                        RuleSpec.of("-i cali+", "-g " + ChainNames.WL_TO_HOST))),
                new Chain(ChainNames.OUTPUT, List.of(
                        RuleSpec.of(MarkBits.isSet(marks.accept()), "-j ACCEPT"),
                        RuleSpec.commented("Host to workload traffic is not policed", "-o cali+", "-j RETURN"))),
                new Chain(ChainNames.WL_TO_HOST, List.of(
                        RuleSpec.of("", "-j " + ChainNames.FROM_WL_DISPATCH),
                        RuleSpec.commented("Configured DefaultEndpointToHostAction", "",
                                "-j " + config.endpointToHostAction()))));
    }

    private static Chain dispatch(String name, String flag, List<WorkloadEndpointUpdate> endpoints, boolean from) {
        List<RuleSpec> rules = new ArrayList<>();
        for (WorkloadEndpointUpdate update : endpoints) {
            String iface = update.endpoint().name();
            String target = from ? ChainNames.fromWorkload(iface) : ChainNames.toWorkload(iface);
            rules.add(RuleSpec.of(flag + " " + iface, "-g " + target));
        }
        rules.add(RuleSpec.commented("Unknown interface", "", "-j DROP"));
        return new Chain(name, rules);
    }

    private static List<Chain> hooks() {
        return List.of(
                new Chain("INPUT", List.of(RuleSpec.of("", "-j " + ChainNames.INPUT))),
                new Chain("FORWARD", List.of(RuleSpec.of("", "-j " + ChainNames.FORWARD))),
                new Chain("OUTPUT", List.of(RuleSpec.of("", "-j " + ChainNames.OUTPUT))));
    }
}
