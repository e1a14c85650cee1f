package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.ProfileRules;
import io.tabby.datastore.model.Rule;
import io.tabby.felix.api.DataplaneMessage.HostEndpointUpdate;
import io.tabby.felix.api.DataplaneMessage.WorkloadEndpointUpdate;
import io.tabby.felix.api.IpSetIds;
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
    /** Calico's VXLAN UDP port. */
    static final int VXLAN_PORT = 4789;
    /**
     * The ICMPv6 types a workload may always send to its host, as Calico allows them: multicast
     * listener query, report and done (130-132), router solicitation (133), neighbour solicitation
     * and advertisement (135, 136). Without them the host cannot resolve the pod's address.
     */
    static final List<Integer> WORKLOAD_TO_HOST_ICMPV6 = List.of(130, 131, 132, 133, 135, 136);
    private final RulesConfig config;
    private final IpFamily family;
    private final EndpointChains endpointChains;
    private final PolicyRuleRenderer ruleRenderer;
    private final HostEndpointChains hostChains;

    /** The IPv4 filter table. */
    public FilterRenderer(RulesConfig config) {
        this(config, IpFamily.V4);
    }

    /** The filter table of {@code family} ({@code iptables} or {@code ip6tables}). */
    public FilterRenderer(RulesConfig config, IpFamily family) {
        this.config = requireNonNull(config, "config is null");
        this.family = requireNonNull(family, "family is null");
        this.endpointChains = new EndpointChains(config, family);
        this.ruleRenderer = new PolicyRuleRenderer(config, family);
        this.hostChains = new HostEndpointChains(config);
    }

    /** The family this renderer renders for. */
    public IpFamily family() {
        return family;
    }

    /** Every chain and hook felix wants in the filter table, without VXLAN. */
    public TableRules render(Collection<WorkloadEndpointUpdate> endpoints, Map<String, Policy> policies,
            Map<String, ProfileRules> profiles) {
        return render(endpoints, policies, profiles, false);
    }

    /**
     * Every chain and hook felix wants in the filter table.
     *
     * @param vxlan whether VXLAN is on (see {@link Encapsulation})
     */
    public TableRules render(Collection<WorkloadEndpointUpdate> endpoints, Map<String, Policy> policies,
            Map<String, ProfileRules> profiles, boolean vxlan) {
        return render(endpoints, List.of(), policies, profiles, new Encapsulation(vxlan, false));
    }

    /** Every chain and hook felix wants in the filter table, host endpoints included. */
    public TableRules render(Collection<WorkloadEndpointUpdate> endpoints, Collection<HostEndpointUpdate> hostEndpoints,
            Map<String, Policy> policies, Map<String, ProfileRules> profiles, Encapsulation tunnels) {
        List<WorkloadEndpointUpdate> sorted = new ArrayList<>(endpoints);
        sorted.sort(Comparator.comparing(u -> u.endpoint().name()));
        List<HostEndpointUpdate> hosts = distinctInterfaces(hostEndpoints);
        List<Chain> chains = new ArrayList<>(staticChains(tunnels));
        chains.addAll(dispatchChains(sorted.stream().map(u -> u.endpoint().name()).toList()));
        chains.addAll(hostDispatchChains(hosts.stream().map(u -> u.endpoint().name()).toList()));
        for (WorkloadEndpointUpdate update : sorted) {
            chains.addAll(endpointChains(update));
        }
        for (HostEndpointUpdate update : hosts) {
            chains.addAll(hostEndpointChains(update));
        }
        new TreeMap<>(policies).forEach((name, policy) -> chains.addAll(policyChains(name, policy)));
        new TreeMap<>(profiles).forEach((name, rules) -> chains.addAll(profileChains(name, rules)));
        return new TableRules(chains, hooks());
    }

    /**
     * The dispatch chains for these interfaces (sorted, distinct): from-workload tree first, then
     * to-workload tree (see {@link DispatchChains}).
     */
    public List<Chain> dispatchChains(List<String> sortedIfaces) {
        List<Chain> chains = new ArrayList<>(DispatchChains.of(ChainNames.FROM_WL_DISPATCH, "-i", sortedIfaces, true));
        chains.addAll(DispatchChains.of(ChainNames.TO_WL_DISPATCH, "-o", sortedIfaces, false));
        return chains;
    }

    /**
     * The host endpoints sorted by interface, one per interface: when two endpoints name the same
     * interface, the one whose key sorts first wins (the other is ignored until it is alone).
     */
    public static List<HostEndpointUpdate> distinctInterfaces(Collection<HostEndpointUpdate> hostEndpoints) {
        Map<String, HostEndpointUpdate> byIface = new TreeMap<>();
        hostEndpoints.stream().sorted(Comparator.comparing(u -> u.id().node() + "/" + u.id().endpoint()))
                .forEach(u -> byIface.putIfAbsent(u.endpoint().name(), u));
        return List.copyOf(byIface.values());
    }

    /** {@code cali-from-host-endpoint} and {@code cali-to-host-endpoint} for these interfaces (sorted, distinct). */
    public List<Chain> hostDispatchChains(List<String> sortedIfaces) {
        return hostChains.dispatch(sortedIfaces);
    }

    /** The {@code cali-th-} and {@code cali-fh-} chains of one host endpoint, in that order. */
    public List<Chain> hostEndpointChains(HostEndpointUpdate update) {
        return List.of(endpointChains.toHost(update.endpoint(), update.tiers()),
                endpointChains.fromHost(update.endpoint(), update.tiers()));
    }

    /** The {@code cali-tw-} and {@code cali-fw-} chains of one local endpoint, in that order. */
    public List<Chain> endpointChains(WorkloadEndpointUpdate update) {
        return List.of(endpointChains.toWorkload(update.endpoint(), update.tiers()),
                endpointChains.fromWorkload(update.endpoint(), update.tiers()));
    }

    /** The {@code cali-pi-} and {@code cali-po-} chains of one policy, in that order. */
    public List<Chain> policyChains(String name, Policy policy) {
        return List.of(ruleChain(ChainNames.policyInbound(name), policy.inboundRules()),
                ruleChain(ChainNames.policyOutbound(name), policy.outboundRules()));
    }

    /** The {@code cali-pri-} and {@code cali-pro-} chains of one profile, in that order. */
    public List<Chain> profileChains(String name, ProfileRules rules) {
        return List.of(ruleChain(ChainNames.profileInbound(name), rules.inboundRules()),
                ruleChain(ChainNames.profileOutbound(name), rules.outboundRules()));
    }

    /** The chain of one policy or profile direction: its rules in order. */
    public Chain ruleChain(String name, List<Rule> rules) {
        List<RuleSpec> specs = new ArrayList<>();
        rules.forEach(rule -> specs.addAll(ruleRenderer.render(rule)));
        return new Chain(name, specs);
    }

    /**
     * {@code cali-FORWARD}, {@code cali-INPUT}, {@code cali-OUTPUT}, {@code cali-wl-to-host},
     * {@code cali-failsafe-in}, {@code cali-failsafe-out}.
     */
    public List<Chain> staticChains(Encapsulation tunnels) {
        MarkBits marks = config.marks();
        List<RuleSpec> input = new ArrayList<>();
        List<RuleSpec> tunnelsOut = new ArrayList<>();
        if (tunnels.ipip() && family == IpFamily.V4) {
            String allHosts = " -m set --match-set " + IpSetIds.v4Name(IpSetIds.ALL_HOSTS_NET);
            input.add(RuleSpec.commented("Allow IPIP packets from Calico hosts", "-p 4" + allHosts + " src"
                    + " -m addrtype --dst-type LOCAL", "-j ACCEPT"));
            input.add(RuleSpec.commented("Drop IPIP packets from non-Calico hosts", "-p 4", "-j DROP"));
            tunnelsOut.add(RuleSpec.commented("Allow IPIP packets to other Calico hosts", "-p 4" + allHosts + " dst"
                    + " -m addrtype --src-type LOCAL", "-j ACCEPT"));
        }
        if (tunnels.vxlan() && family == IpFamily.V4) {
            tunnelsOut.add(RuleSpec.commented("Allow VXLAN packets to other allowed hosts", "-p udp -m multiport"
                    + " --destination-ports " + VXLAN_PORT + " -m set --match-set "
                    + IpSetIds.v4Name(IpSetIds.ALL_VXLAN_NET) + " dst -m addrtype --src-type LOCAL", "-j ACCEPT"));
            String vxlanToHost = "-p udp -m multiport --destination-ports " + VXLAN_PORT;
            input.add(RuleSpec.commented("Allow VXLAN packets from allowed hosts", vxlanToHost
                    + " -m set --match-set " + IpSetIds.v4Name(IpSetIds.ALL_VXLAN_NET) + " src"
                    + " -m addrtype --dst-type LOCAL", "-j ACCEPT"));
            input.add(RuleSpec.commented("Drop VXLAN packets from non-allowed hosts",
                    vxlanToHost + " -m addrtype --dst-type LOCAL", "-j DROP"));
        }
        input.add(RuleSpec.of(MarkBits.isSet(marks.accept()), "-j ACCEPT"));
        input.add(RuleSpec.of("-i cali+", "-g " + ChainNames.WL_TO_HOST));
        input.add(RuleSpec.of("", MarkBits.clear(allMarks())));
        input.add(RuleSpec.of("", "-j " + ChainNames.FROM_HOST_ENDPOINT));
        input.add(RuleSpec.commented("Host endpoint policy accepted packet.", MarkBits.isSet(marks.accept()),
                "-j ACCEPT"));
        List<RuleSpec> toHost = new ArrayList<>();
        if (family == IpFamily.V6) {
            WORKLOAD_TO_HOST_ICMPV6.forEach(type -> toHost.add(RuleSpec.commented("Allow IPv6 ICMP",
                    "-p ipv6-icmp -m icmp6 --icmpv6-type " + type, "-j ACCEPT")));
        }
        toHost.add(RuleSpec.of("", "-j " + ChainNames.FROM_WL_DISPATCH));
        toHost.add(RuleSpec.commented("Configured DefaultEndpointToHostAction", "",
                "-j " + config.endpointToHostAction()));
        List<Chain> chains = new ArrayList<>(List.of(
                new Chain(ChainNames.FORWARD, List.of(
                        RuleSpec.of("-i cali+", "-j " + ChainNames.FROM_WL_DISPATCH),
                        RuleSpec.of("-o cali+", "-j " + ChainNames.TO_WL_DISPATCH),
                        RuleSpec.commented("Policy explicitly accepted packet.", "-i cali+", "-j ACCEPT"),
                        RuleSpec.commented("Policy explicitly accepted packet.", "-o cali+", "-j ACCEPT"),
                        // Host-to-host forwarding: the host endpoints' policies, as Calico felix 2.x applies them.
                        RuleSpec.of("", MarkBits.clear(allMarks() & ~marks.accept())),
                        RuleSpec.of(MarkBits.isClear(marks.accept()), "-j " + ChainNames.FROM_HOST_ENDPOINT),
                        RuleSpec.of("", "-j " + ChainNames.TO_HOST_ENDPOINT),
                        RuleSpec.commented("Policy explicitly accepted packet.", MarkBits.isSet(marks.accept()),
                                "-j ACCEPT"))),
                new Chain(ChainNames.INPUT, input),
                new Chain(ChainNames.OUTPUT, concat(List.of(
                        RuleSpec.of(MarkBits.isSet(marks.accept()), "-j ACCEPT"),
                        RuleSpec.commented("Host to workload traffic is not policed", "-o cali+", "-j RETURN")),
                        tunnelsOut, List.of(
                        RuleSpec.of("", MarkBits.clear(allMarks())),
                        RuleSpec.of("", "-j " + ChainNames.TO_HOST_ENDPOINT),
                        RuleSpec.commented("Host endpoint policy accepted packet.", MarkBits.isSet(marks.accept()),
                                "-j ACCEPT")))),
                new Chain(ChainNames.WL_TO_HOST, toHost)));
        chains.addAll(hostChains.failsafe());
        return chains;
    }

    @SafeVarargs
    private static List<RuleSpec> concat(List<RuleSpec>... parts) {
        List<RuleSpec> all = new ArrayList<>();
        for (List<RuleSpec> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** Every mark bit felix uses. */
    private int allMarks() {
        MarkBits marks = config.marks();
        return marks.accept() | marks.pass() | marks.scratch0() | marks.scratch1();
    }

    /** The kernel chains' jumps into felix's chains. */
    public static List<Chain> hooks() {
        return List.of(
                new Chain("INPUT", List.of(RuleSpec.of("", "-j " + ChainNames.INPUT))),
                new Chain("FORWARD", List.of(RuleSpec.of("", "-j " + ChainNames.FORWARD))),
                new Chain("OUTPUT", List.of(RuleSpec.of("", "-j " + ChainNames.OUTPUT))));
    }
}
