package io.tabby.datastore.resource.parse;

import io.tabby.datastore.resource.HostEndpointSpec;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.WorkloadEndpointNames;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.WorkloadEndpointSpec;
import io.tabby.datastore.resource.format.IpNet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of endpoints: addresses and MACs in canonical text; a workload endpoint without a name
 * gets the one Calico derives ({@link WorkloadEndpointNames}), and the labels Calico's CNI plugin
 * and update processor put on every endpoint, {@code projectcalico.org/namespace} and
 * {@code projectcalico.org/orchestrator}.
 */
final class EndpointDefaults {
    static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    static final String ORCHESTRATOR_LABEL = "projectcalico.org/orchestrator";

    private EndpointDefaults() {
    }

    static HostEndpointSpec host(HostEndpointSpec spec) {
        // v4 first, then v6: the order the v1 key keeps them in
        List<String> ips = spec.expectedIPs().stream()
                .map(ip -> IpNet.parseAddress(ip).map(IpNet::addressText).orElse(ip))
                .sorted(java.util.Comparator.comparingInt(ip -> ip.indexOf(':') >= 0 ? 1 : 0)).toList();
        return new HostEndpointSpec(spec.node(), spec.interfaceName(), ips, spec.profiles());
    }

    static WorkloadEndpointResource workload(WorkloadEndpointResource resource) {
        WorkloadEndpointSpec s = resource.spec();
        List<String> networks = s.ipNetworks().stream()
                .map(net -> IpNet.parseCidrOrAddress(net).map(n -> n.network().toString()).orElse(net)).toList();
        List<WorkloadEndpointSpec.IpNat> nats = s.ipNATs().stream().map(nat -> new WorkloadEndpointSpec.IpNat(
                address(nat.internalIP()), address(nat.externalIP()))).toList();
        WorkloadEndpointSpec spec = new WorkloadEndpointSpec(s.orchestrator(), s.workload(), s.node(), s.containerID(),
                s.pod(), s.endpoint(), networks, nats, address(s.ipv4Gateway()), address(s.ipv6Gateway()), s.profiles(),
                s.interfaceName(), mac(s.mac()));
        ResourceMetadata metadata = resource.metadata();
        if (metadata.name().isEmpty() && !s.node().isEmpty() && !s.orchestrator().isEmpty() && !s.endpoint().isEmpty()) {
            metadata = metadata.withName(WorkloadEndpointNames.of(spec));
        }
        Map<String, String> labels = new TreeMap<>(metadata.labels());
        labels.put(NAMESPACE_LABEL, metadata.namespace());
        if (!s.orchestrator().isEmpty()) {
            labels.put(ORCHESTRATOR_LABEL, s.orchestrator());
        }
        return new WorkloadEndpointResource(metadata.withLabels(labels), spec);
    }

    /** Go prints a parsed MAC in lower case with colons. */
    private static String mac(String text) {
        return text.matches("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}") ? text.toLowerCase(Locale.ROOT).replace('-', ':')
                : text;
    }

    private static String address(String text) {
        return IpNet.parseAddress(text).map(IpNet::addressText).orElse(text);
    }
}
