package io.tabby.datastore.resource.validate;

import io.tabby.datastore.resource.HostEndpointSpec;
import io.tabby.datastore.resource.WorkloadEndpointNames;
import io.tabby.datastore.resource.WorkloadEndpointResource;
import io.tabby.datastore.resource.WorkloadEndpointSpec;
import io.tabby.datastore.resource.format.IpNet;
import java.util.List;
import java.util.Optional;

/** Rules on HostEndpoint and WorkloadEndpoint specs. */
final class EndpointRules {
    private EndpointRules() {
    }

    static void checkHost(HostEndpointSpec spec, Violations violations) {
        node(spec.node(), violations);
        if (spec.interfaceName().isEmpty() && spec.expectedIPs().isEmpty()) {
            violations.add("spec", "needs interfaceName or expectedIPs (or both) to find the interface");
        }
        for (int i = 0; i < spec.expectedIPs().size(); i++) {
            String ip = spec.expectedIPs().get(i);
            if (IpNet.parseAddress(ip).isEmpty()) {
                violations.add("spec.expectedIPs[" + i + "]", SelectorCheck.quoted(ip)
                        + " is not an IP address (e.g. 10.0.0.1 or fd00::1)");
            }
        }
        profiles(spec.profiles(), violations);
    }

    static void checkWorkload(WorkloadEndpointResource resource, Violations violations) {
        WorkloadEndpointSpec spec = resource.spec();
        node(spec.node(), violations);
        boolean k8s = spec.orchestrator().equals(WorkloadEndpointSpec.K8S);
        required("spec.orchestrator", spec.orchestrator(), "e.g. k8s or cni", violations);
        required("spec.endpoint", spec.endpoint(), "the pod-side interface, e.g. eth0", violations);
        if (k8s) {
            required("spec.pod", spec.pod(), "the pod name, for orchestrator k8s", violations);
            if (!spec.workload().isEmpty()) {
                violations.add("spec.workload", "must be empty for orchestrator k8s (the pod names the workload)");
            }
        } else if (!spec.orchestrator().isEmpty()) {
            required("spec.workload", spec.workload(), "the workload id, e.g. the container id", violations);
        }
        for (String part : List.of(spec.orchestrator(), spec.workload(), spec.pod(), spec.endpoint())) {
            if (part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                violations.add("spec", SelectorCheck.quoted(part) + " contains a control character");
            }
        }
        String expected = WorkloadEndpointNames.of(spec);
        if (!resource.name().isEmpty() && !spec.node().isEmpty() && !spec.orchestrator().isEmpty()
                && !spec.endpoint().isEmpty() && !resource.name().equals(expected)) {
            violations.add("metadata.name", SelectorCheck.quoted(resource.name()) + " does not match the spec"
                    + " (expected " + SelectorCheck.quoted(expected) + ": <node>-<orchestrator>-<pod or workload>-"
                    + "<endpoint>, with '-' in each part doubled)");
        }
        for (int i = 0; i < spec.ipNetworks().size(); i++) {
            String net = spec.ipNetworks().get(i);
            if (IpNet.parseCidrOrAddress(net).isEmpty()) {
                violations.add("spec.ipNetworks[" + i + "]", SelectorCheck.quoted(net)
                        + " is not an address with prefix length (e.g. 10.0.0.5/32)");
            }
        }
        for (int i = 0; i < spec.ipNATs().size(); i++) {
            WorkloadEndpointSpec.IpNat nat = spec.ipNATs().get(i);
            Optional<IpNet> internal = IpNet.parseAddress(nat.internalIP());
            Optional<IpNet> external = IpNet.parseAddress(nat.externalIP());
            if (internal.isEmpty()) {
                violations.add("spec.ipNATs[" + i + "].internalIP", SelectorCheck.quoted(nat.internalIP())
                        + " is not an IP address");
            }
            if (external.isEmpty()) {
                violations.add("spec.ipNATs[" + i + "].externalIP", SelectorCheck.quoted(nat.externalIP())
                        + " is not an IP address");
            }
            if (internal.isPresent() && external.isPresent() && internal.get().family() != external.get().family()) {
                violations.add("spec.ipNATs[" + i + "]", "internalIP and externalIP must be of the same family");
            }
        }
        if (!spec.ipv4Gateway().isEmpty()) {
            AddressRules.address("spec.ipv4Gateway", spec.ipv4Gateway(), 4, violations);
        }
        if (!spec.ipv6Gateway().isEmpty()) {
            AddressRules.address("spec.ipv6Gateway", spec.ipv6Gateway(), 6, violations);
        }
        if (!spec.mac().isEmpty()) {
            AddressRules.mac("spec.mac", spec.mac(), violations);
        }
        profiles(spec.profiles(), violations);
        // Calico's update processor drops these from endpoints so that no endpoint can claim another
        // namespace's (or service account's) labels; refused here rather than silently lost
        resource.metadata().labels().keySet().stream()
                .filter(key -> key.startsWith("pcns.") || key.startsWith("pcsa."))
                .forEach(key -> violations.add("metadata.labels." + key, "the prefixes pcns. and pcsa. are reserved"
                        + " for the labels endpoints inherit from namespace and service account profiles"));
    }

    private static void node(String node, Violations violations) {
        if (node.isEmpty()) {
            violations.add("spec.node", "missing (the node the endpoint is on)");
        } else if (!Names.isSubdomain(node)) {
            violations.add("spec.node", SelectorCheck.quoted(node) + " is not a valid node name (" + Names.NAME_RULE + ")");
        }
    }

    private static void required(String field, String value, String hint, Violations violations) {
        if (value.isEmpty()) {
            violations.add(field, "missing (" + hint + ")");
        }
    }

    private static void profiles(List<String> profiles, Violations violations) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).isEmpty() || profiles.get(i).chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                violations.add("spec.profiles[" + i + "]", SelectorCheck.quoted(profiles.get(i))
                        + " is not a profile name");
            }
        }
    }
}
