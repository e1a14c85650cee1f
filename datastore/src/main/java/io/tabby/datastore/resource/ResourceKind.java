package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The resource kinds Tabby manages, with the names and aliases calicoctl accepts for them. */
public enum ResourceKind {
    IP_POOL("IPPool", "ippools", List.of("ippool", "ippools", "ipp", "ipps", "pool", "pools")),
    NODE("Node", "nodes", List.of("node", "nodes", "no", "nos")),
    BGP_CONFIGURATION("BGPConfiguration", "bgpconfigurations",
            List.of("bgpconfiguration", "bgpconfigurations", "bgpconfig", "bgpconfigs")),
    BGP_PEER("BGPPeer", "bgppeers", List.of("bgppeer", "bgppeers", "bgpp", "bgpps", "bp", "bps")),
    FELIX_CONFIGURATION("FelixConfiguration", "felixconfigurations",
            List.of("felixconfiguration", "felixconfigurations", "felixconfig", "felixconfigs")),
    NETWORK_POLICY("NetworkPolicy", "networkpolicies",
            List.of("networkpolicy", "networkpolicies", "policy", "policies", "np", "nps", "pol", "pols",
                    "netpol", "netpols")),
    GLOBAL_NETWORK_POLICY("GlobalNetworkPolicy", "globalnetworkpolicies",
            List.of("globalnetworkpolicy", "globalnetworkpolicies", "gnp", "gnps")),
    PROFILE("Profile", "profiles", List.of("profile", "profiles", "pro", "pros")),
    HOST_ENDPOINT("HostEndpoint", "hostendpoints", List.of("hostendpoint", "hostendpoints", "hep", "heps")),
    WORKLOAD_ENDPOINT("WorkloadEndpoint", "workloadendpoints",
            List.of("workloadendpoint", "workloadendpoints", "wep", "weps"));

    /** The v3 API group and version every resource document carries. */
    public static final String API_VERSION = "projectcalico.org/v3";

    private final String displayName;
    private final String plural;
    private final List<String> aliases;

    ResourceKind(String displayName, String plural, List<String> aliases) {
        this.displayName = displayName;
        this.plural = plural;
        this.aliases = aliases;
    }

    /** The v3 {@code kind}, e.g. {@code IPPool}. */
    public String displayName() {
        return displayName;
    }

    /** The lower-case plural, e.g. {@code ippools}. */
    public String plural() {
        return plural;
    }

    /** Every lower-case name the command line accepts for this kind (singular, plural, short forms). */
    public List<String> aliases() {
        return aliases;
    }

    /** True for the kinds whose resources live in a namespace (NetworkPolicy, WorkloadEndpoint). */
    public boolean namespaced() {
        return this == NETWORK_POLICY || this == WORKLOAD_ENDPOINT;
    }

    /** A resource's identity within its kind: {@code name}, or {@code namespace/name} when namespaced. */
    public static String id(String namespace, String name) {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(name, "name is null");
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** The {@code kind} of a list of these, e.g. {@code IPPoolList}. */
    public String listKind() {
        return displayName + "List";
    }

    /** The kind a command-line name or a document {@code kind} means, ignoring case. */
    public static Optional<ResourceKind> lookup(String name) {
        requireNonNull(name, "name is null");
        String lower = name.toLowerCase(Locale.ROOT);
        for (ResourceKind kind : values()) {
            if (kind.aliases.contains(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Every accepted name, for "allowed:" hints in error messages. */
    public static List<String> allNames() {
        return java.util.Arrays.stream(values()).map(ResourceKind::displayName).toList();
    }
}
