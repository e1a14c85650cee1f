package io.tabby.node.cni;

import io.tabby.cni.spec.Label;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.WorkloadEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload endpoint ADD writes, as Calico's CNI plugin writes it: active, the host veth as
 * {@code name}, the pod's MAC, profile {@code kns.<namespace>}, the /32 and /128 addresses, and
 * the network config's {@code args.cni.labels} with Calico's namespace and orchestrator labels
 * added (they win over a config label of the same key).
 */
final class WorkloadEndpoints {
    static final String NAMESPACE_LABEL = "projectcalico.org/namespace";
    static final String ORCHESTRATOR_LABEL = "projectcalico.org/orchestrator";

    private WorkloadEndpoints() {}

    static WorkloadEndpoint of(WorkloadIdentity id, List<Label> configLabels, String hostVeth, String mac,
                               List<IpAddr> addresses) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Label label : configLabels) {
            labels.put(label.key(), label.value());
        }
        labels.put(NAMESPACE_LABEL, id.namespace());
        labels.put(ORCHESTRATOR_LABEL, id.orchestrator());
        return WorkloadEndpoint.active(hostVeth, mac, List.of("kns." + id.namespace()),
                addresses.stream().filter(ip -> ip.family() == IpFamily.V4).map(Cidr::host).toList(),
                addresses.stream().filter(ip -> ip.family() == IpFamily.V6).map(Cidr::host).toList(), labels);
    }

    /** The single addresses an endpoint carries, IPv4 first. */
    static List<IpAddr> addresses(WorkloadEndpoint endpoint) {
        List<IpAddr> addresses = new ArrayList<>();
        for (List<Cidr> nets : List.of(nullToEmpty(endpoint.ipv4Nets()), nullToEmpty(endpoint.ipv6Nets()))) {
            nets.forEach(net -> addresses.add(net.network()));
        }
        return addresses;
    }

    private static List<Cidr> nullToEmpty(List<Cidr> nets) {
        return nets == null ? List.of() : nets;
    }
}
