package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.felix.api.EndpointPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The {@code cali-tw-<iface>} and {@code cali-fw-<iface>} chains of one workload endpoint, and the
 * {@code cali-th-<iface>} and {@code cali-fh-<iface>} chains of one host endpoint, in Calico's
 * order. A host endpoint chain jumps to the failsafe chain right after the conntrack rules, so the
 * failsafe ports stay open whatever its policies say; it is always "admin up" and has no
 * anti-spoofing.
 */
final class EndpointChains {
    private final MarkBits marks;
    private final IpFamily family;

    EndpointChains(RulesConfig config, IpFamily family) {
        this.marks = requireNonNull(config, "config is null").marks();
        this.family = requireNonNull(family, "family is null");
    }

    /** Traffic to the workload: its ingress policies, then its profiles' inbound rules. */
    Chain toWorkload(WorkloadEndpoint ep, EndpointPolicies tiers) {
        return chain(ChainNames.toWorkload(ep.name()), active(ep), tiers.ingress(), tiers.profiles(),
                ChainNames::policyInbound, ChainNames::profileInbound, List.of());
    }

    /** Traffic leaving the host through the endpoint's interface: failsafe-out, egress policies, outbound profiles. */
    Chain toHost(HostEndpoint hep, EndpointPolicies tiers) {
        return chain(ChainNames.toHostEndpoint(hep.name()), true, tiers.egress(), tiers.profiles(),
                ChainNames::policyOutbound, ChainNames::profileOutbound,
                List.of(RuleSpec.of("", "-j " + ChainNames.FAILSAFE_OUT)));
    }

    /** Traffic entering the host through the endpoint's interface: failsafe-in, ingress policies, inbound profiles. */
    Chain fromHost(HostEndpoint hep, EndpointPolicies tiers) {
        return chain(ChainNames.fromHostEndpoint(hep.name()), true, tiers.ingress(), tiers.profiles(),
                ChainNames::policyInbound, ChainNames::profileInbound,
                List.of(RuleSpec.of("", "-j " + ChainNames.FAILSAFE_IN)));
    }

    private static boolean active(WorkloadEndpoint ep) {
        return ep.state().equals(WorkloadEndpoint.ACTIVE);
    }

    /** Traffic from the workload: anti-spoofing, its egress policies, then its profiles' outbound rules. */
    Chain fromWorkload(WorkloadEndpoint ep, EndpointPolicies tiers) {
        return chain(ChainNames.fromWorkload(ep.name()), active(ep), tiers.egress(), tiers.profiles(),
                ChainNames::policyOutbound, ChainNames::profileOutbound, antiSpoofing(ep));
    }

    private Chain chain(String name, boolean active, List<String> policies, List<String> profiles,
            UnaryOperator<String> policyChain, UnaryOperator<String> profileChain, List<RuleSpec> guard) {
        if (!active) {
            return new Chain(name, List.of(RuleSpec.commented("Endpoint admin disabled", "", "-j DROP")));
        }
        List<RuleSpec> rules = new ArrayList<>();
        rules.add(RuleSpec.of("-m conntrack --ctstate RELATED,ESTABLISHED", "-j ACCEPT"));
        rules.add(RuleSpec.of("-m conntrack --ctstate INVALID", "-j DROP"));
        rules.addAll(guard);
        rules.add(RuleSpec.of("", MarkBits.clear(marks.accept())));
        if (!policies.isEmpty()) {
            rules.add(RuleSpec.commented("Start of policies", "", MarkBits.clear(marks.pass())));
            for (String policy : policies) {
                rules.add(RuleSpec.of(MarkBits.isClear(marks.pass()), "-j " + policyChain.apply(policy)));
                rules.add(RuleSpec.commented("Return if policy accepted", MarkBits.isSet(marks.accept()), "-j RETURN"));
            }
            rules.add(RuleSpec.commented("Drop if no policies passed packet", MarkBits.isClear(marks.pass()),
                    "-j DROP"));
        }
        for (String profile : profiles) {
            rules.add(RuleSpec.of("", "-j " + profileChain.apply(profile)));
            rules.add(RuleSpec.commented("Return if profile accepted", MarkBits.isSet(marks.accept()), "-j RETURN"));
        }
        rules.add(RuleSpec.commented("Drop if no profiles matched", "", "-j DROP"));
        return new Chain(name, rules);
    }

    /** A workload may only send from its own addresses of this family: mark those, drop the rest. */
    private List<RuleSpec> antiSpoofing(WorkloadEndpoint ep) {
        List<RuleSpec> rules = new ArrayList<>();
        rules.add(RuleSpec.of("", MarkBits.clear(marks.scratch0())));
        List<Cidr> declared = family == IpFamily.V4 ? ep.ipv4Nets() : ep.ipv6Nets();
        List<Cidr> nets = declared == null ? List.of() : declared;
        nets.stream().filter(n -> n.family() == family)
                .forEach(net -> rules.add(RuleSpec.of("-s " + net, MarkBits.set(marks.scratch0()))));
        rules.add(RuleSpec.commented("Drop if not from the workload's addresses", MarkBits.isClear(marks.scratch0()),
                "-j DROP"));
        return rules;
    }
}
