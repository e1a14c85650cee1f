package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.resource.EntityRule;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.PolicyRule;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ResourceMetadata;
import io.tabby.datastore.resource.format.IpNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reads a Kubernetes {@code networking.k8s.io/v1} NetworkPolicy and translates it as Calico's
 * policy controller does: a NetworkPolicy {@code knp.default.<name>} in the same namespace, order
 * 1000, selector {@code projectcalico.org/orchestrator == 'k8s'} plus the podSelector's terms. Each
 * rule becomes one Allow rule per protocol and peer (ports of a protocol merged into one rule);
 * a podSelector peer becomes {@code selector}, a namespaceSelector {@code namespaceSelector}
 * ({@code all()} when empty), an ipBlock {@code nets} and {@code notNets}. A port without protocol
 * is TCP. Without {@code policyTypes} the API server's default applies: Ingress, plus Egress when
 * there are egress rules; rules of a type not listed are dropped.
 */
final class KubernetesNetworkPolicyReader {
    private static final Logger LOG = LogManager.getLogger(KubernetesNetworkPolicyReader.class);
    static final String PREFIX = "knp.default.";
    static final double ORDER = 1000;

    private KubernetesNetworkPolicyReader() {
    }

    static NetworkPolicyResource read(FieldReader document, ResourceProblems problems) {
        KubernetesMetadata metadata = KubernetesMetadata.read(document);
        problems.describe("NetworkPolicy \"" + metadata.namespace() + "/" + metadata.name() + "\"");
        FieldReader spec = document.object("spec").orElse(null);
        String selector = KubernetesSelectors.K8S_PODS;
        List<PolicyRule> ingress = new ArrayList<>();
        List<PolicyRule> egress = new ArrayList<>();
        List<String> types = new ArrayList<>();
        if (spec != null) {
            selector = spec.object("podSelector").map(KubernetesSelectors::pods).orElse(selector);
            List<String> listed = spec.texts("policyTypes");
            for (FieldReader rule : spec.objects("ingress")) {
                ingress.addAll(rules(rule, "from", true));
            }
            for (FieldReader rule : spec.objects("egress")) {
                egress.addAll(rules(rule, "to", false));
            }
            spec.rejectUnknown();
            types.addAll(types(listed, !egress.isEmpty(), spec));
        } else {
            types.add(PolicySpec.INGRESS);
        }
        if (!types.contains(PolicySpec.EGRESS) && !egress.isEmpty()) {
            LOG.warn("NetworkPolicy {}/{}: egress rules ignored, policyTypes does not list Egress",
                    metadata.namespace(), metadata.name());
            egress.clear();
        }
        if (!types.contains(PolicySpec.INGRESS)) {
            ingress.clear();
        }
        document.raw("status");
        document.rejectUnknown();
        ResourceMetadata calico = ResourceMetadata.namespaced(metadata.namespace(), PREFIX + metadata.name());
        return new NetworkPolicyResource(calico, PolicySpec.of(ORDER, selector, types, ingress, egress));
    }

    private static List<String> types(List<String> listed, boolean hasEgressRules, FieldReader spec) {
        if (listed.isEmpty()) {
            return hasEgressRules ? List.of(PolicySpec.INGRESS, PolicySpec.EGRESS) : List.of(PolicySpec.INGRESS);
        }
        for (int i = 0; i < listed.size(); i++) {
            String type = listed.get(i);
            if (!type.equals(PolicySpec.INGRESS) && !type.equals(PolicySpec.EGRESS)) {
                spec.violations().add(spec.path("policyTypes") + "[" + i + "]",
                        "\"" + type + "\" is not a policy type (allowed: Ingress, Egress)");
            }
        }
        // Calico lists Ingress before Egress whatever the input order
        return List.of(PolicySpec.INGRESS, PolicySpec.EGRESS).stream().filter(listed::contains).toList();
    }

    /** One Kubernetes rule: ports grouped by protocol, times peers. */
    private static List<PolicyRule> rules(FieldReader rule, String peersField, boolean inbound) {
        List<Optional<Peer>> peers = new ArrayList<>();
        for (FieldReader peer : rule.objects(peersField)) {
            peers.add(Optional.of(peer(peer)));
        }
        if (peers.isEmpty()) {
            peers.add(Optional.empty());
        }
        Map<String, List<RulePort>> byProtocol = ports(rule);
        rule.rejectUnknown();
        List<PolicyRule> rules = new ArrayList<>();
        byProtocol.forEach((protocolName, ports) -> {
            Protocol protocol = protocolName.isEmpty() ? null : Protocol.of(protocolName);
            List<RulePort> simplified = PortRanges.simplify(ports);
            for (Optional<Peer> peer : peers) {
                EntityRule entity = peer.map(p -> new EntityRule(p.nets(), p.notNets(), p.selector(), "",
                        p.namespaceSelector(), inbound ? List.of() : simplified, List.of())).orElse(
                        new EntityRule(List.of(), List.of(), "", "", "", inbound ? List.of() : simplified, List.of()));
                EntityRule portsOnly = new EntityRule(List.of(), List.of(), "", "", "", simplified, List.of());
                rules.add(new PolicyRule(PolicyRule.ALLOW, null, protocol, null, null, null,
                        inbound ? entity : EntityRule.ANY, inbound ? portsOnly : entity));
            }
        });
        return rules;
    }

    /**
     * Ports by protocol name (sorted; {@code ""} = any protocol). A port entry without a port
     * allows every port of its protocol; an entry without anything allows everything.
     */
    private static Map<String, List<RulePort>> ports(FieldReader rule) {
        List<FieldReader> entries = rule.objects("ports");
        Map<String, List<RulePort>> byProtocol = new TreeMap<>();
        if (entries.isEmpty()) {
            byProtocol.put("", List.of());
            return byProtocol;
        }
        Map<String, Boolean> allPorts = new LinkedHashMap<>();
        for (FieldReader entry : entries) {
            String protocol = entry.text("protocol");
            JsonNode port = entry.raw("port");
            JsonNode endPort = entry.raw("endPort");
            entry.rejectUnknown();
            protocol = protocol.isEmpty() ? "TCP" : protocol.toUpperCase(Locale.ROOT);
            if (!List.of("TCP", "UDP", "SCTP").contains(protocol)) {
                entry.violations().add(entry.path("protocol"), "\"" + protocol + "\" is not allowed (allowed: TCP, UDP, SCTP)");
            }
            if (port == null) {
                allPorts.put(protocol, true);
                byProtocol.put(protocol, new ArrayList<>());
                continue;
            }
            Optional<RulePort> parsed = port(port, endPort, entry);
            if (parsed.isPresent() && !allPorts.getOrDefault(protocol, false)) {
                byProtocol.computeIfAbsent(protocol, p -> new ArrayList<>()).add(parsed.get());
            }
        }
        return byProtocol;
    }

    private static Optional<RulePort> port(JsonNode port, JsonNode endPort, FieldReader entry) {
        Optional<RulePort> parsed = port.isTextual() && !port.textValue().isEmpty()
                && !Character.isDigit(port.textValue().charAt(0))
                ? Optional.of(RulePort.named(port.textValue()))
                : port.isIntegralNumber() && port.intValue() >= 1 && port.intValue() <= 65535
                        ? Optional.of(RulePort.single(port.intValue())) : Optional.empty();
        if (parsed.isEmpty()) {
            entry.violations().add(entry.path("port"), "must be a port 1-65535 or a port name" + FieldReader.found(port));
            return parsed;
        }
        if (endPort == null) {
            return parsed;
        }
        if (parsed.get().name() != null || !endPort.isIntegralNumber() || endPort.intValue() < parsed.get().min()
                || endPort.intValue() > 65535) {
            entry.violations().add(entry.path("endPort"), "must be a port number from port to 65535, with a numeric port"
                    + FieldReader.found(endPort));
            return Optional.empty();
        }
        return Optional.of(RulePort.range(parsed.get().min(), endPort.intValue()));
    }

    private record Peer(String selector, String namespaceSelector, List<String> nets, List<String> notNets) {
    }

    private static Peer peer(FieldReader peer) {
        Optional<FieldReader> ipBlock = peer.object("ipBlock");
        Optional<FieldReader> pods = peer.object("podSelector");
        Optional<FieldReader> namespaces = peer.object("namespaceSelector");
        // a peer without podSelector still means only Kubernetes pods, as in Calico
        String selector = pods.map(KubernetesSelectors::pods).orElse(KubernetesSelectors.K8S_PODS);
        String namespaceSelector = namespaces.map(KubernetesSelectors::namespaces).orElse("");
        peer.rejectUnknown();
        if (ipBlock.isPresent()) {
            if (pods.isPresent() || namespaces.isPresent()) {
                peer.violations().add(peer.path("ipBlock"), "cannot be combined with podSelector or namespaceSelector");
            }
            FieldReader block = ipBlock.get();
            String cidr = network(block, "cidr", block.text("cidr"));
            List<String> except = new ArrayList<>();
            List<String> texts = block.texts("except");
            for (int i = 0; i < texts.size(); i++) {
                except.add(network(block, "except[" + i + "]", texts.get(i)));
            }
            block.rejectUnknown();
            return new Peer("", "", List.of(cidr), except);
        }
        if (pods.isEmpty() && namespaces.isEmpty()) {
            peer.violations().add(peer.here(), "a peer needs podSelector, namespaceSelector or ipBlock");
        }
        return new Peer(selector, namespaceSelector, List.of(), List.of());
    }

    /** The CIDR's network in canonical form ({@code 10.1.2.3/16} is {@code 10.1.0.0/16}). */
    private static String network(FieldReader block, String field, String text) {
        Optional<IpNet> net = IpNet.parseCidr(text);
        if (net.isEmpty()) {
            block.violations().add(block.path(field), (text.isEmpty() ? "missing" : "\"" + text + "\" is not a CIDR")
                    + " (e.g. 10.0.0.0/8)");
            return text;
        }
        return net.get().network().toString();
    }
}
