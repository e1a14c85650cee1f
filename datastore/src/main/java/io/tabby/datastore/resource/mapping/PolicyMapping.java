package io.tabby.datastore.resource.mapping;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.UnknownFields;
import io.tabby.datastore.path.Key;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.resource.GlobalNetworkPolicyResource;
import io.tabby.datastore.resource.NetworkPolicyResource;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * NetworkPolicy and GlobalNetworkPolicy to {@code /calico/v1/policy/tier/default/policy/<name>} and
 * back, as Calico's update processors compute the v1 policy: a NetworkPolicy is named
 * {@code <namespace>/<name>} and its selector limited to its namespace,
 * {@code (<selector>) && projectcalico.org/namespace == '<ns>'}; a GlobalNetworkPolicy keeps its
 * name, and its namespaceSelector joins the selector as {@code (<selector>) && <pcns. selector>}
 * (with every {@code all()} then meaning "in any namespace"). A NetworkPolicy is
 * {@code apply_on_forward}, as Calico writes it. Types are lower case; doNotTrack, preDNAT and applyOnForward are {@code untracked},
 * {@code pre_dnat}, {@code apply_on_forward}; the metadata annotations are the policy's
 * {@code annotations}.
 */
final class PolicyMapping {
    private PolicyMapping() {
    }

    static boolean isNamespaced(Key<?> key) {
        return key instanceof PolicyKey k && k.tier().equals(PolicyKey.DEFAULT_TIER) && k.name().indexOf('/') > 0;
    }

    static boolean isGlobal(Key<?> key) {
        return key instanceof PolicyKey k && k.tier().equals(PolicyKey.DEFAULT_TIER) && k.name().indexOf('/') < 0;
    }

    static Entry<Policy> toEntry(NetworkPolicyResource resource, StoredEntries current) {
        String namespace = resource.namespace();
        PolicySpec spec = resource.spec();
        String own = NamespaceSelectorText.own(namespace);
        String selector = spec.selector().isBlank() ? own : "(" + spec.selector() + ") && " + own;
        PolicyKey key = new PolicyKey(PolicyKey.DEFAULT_TIER, namespace + "/" + resource.name());
        return Entry.of(key, policy(resource, spec, selector, namespace, true, current.get(key)));
    }

    static Entry<Policy> toEntry(GlobalNetworkPolicyResource resource, StoredEntries current) {
        PolicySpec spec = resource.spec();
        String selector = spec.selector();
        if (!spec.namespaceSelector().isEmpty()) {
            String namespaces = NamespaceSelectorText.prefixedAllKept(spec.namespaceSelector());
            selector = selector.isEmpty() ? namespaces : "(" + selector + ") && " + namespaces;
            // Calico replaces all() in the whole joined selector, the policy's own part included
            selector = selector.replace("all()", NamespaceSelectorText.ANY_NAMESPACE);
        }
        PolicyKey key = new PolicyKey(PolicyKey.DEFAULT_TIER, resource.name());
        return Entry.of(key, policy(resource, spec, selector, "", spec.applyOnForward(), current.get(key)));
    }

    private static Policy policy(Resource resource, PolicySpec spec, String selector, String namespace,
            boolean applyOnForward, Optional<Policy> stored) {
        return new Policy(spec.order(), RuleMapping.toV1(spec.ingress(), namespace),
                RuleMapping.toV1(spec.egress(), namespace), selector, spec.doNotTrack(),
                resource.metadata().annotations(), spec.preDNAT(), applyOnForward,
                spec.types().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                stored.map(Policy::unknown).orElse(UnknownFields.NONE));
    }

    static Optional<Resource> fromEntry(Entry<?> entry, boolean namespaced) {
        if (!(entry.key() instanceof PolicyKey key) || !(entry.value() instanceof Policy policy)) {
            return Optional.empty();
        }
        int slash = key.name().indexOf('/');
        if (namespaced != slash > 0) {
            return Optional.empty();
        }
        List<String> types = policy.types().stream().map(PolicyMapping::type).toList();
        if (namespaced) {
            String namespace = key.name().substring(0, slash);
            String name = key.name().substring(slash + 1);
            PolicySpec spec = PolicySpec.of(policy.order(), ownSelector(policy.selector(), namespace), types,
                    RuleMapping.toV3(policy.inboundRules(), namespace), RuleMapping.toV3(policy.outboundRules(), namespace));
            return Optional.of(new NetworkPolicyResource(metadata(name, namespace, policy.annotations()), spec));
        }
        String[] selectors = globalSelectors(policy.selector());
        PolicySpec spec = new PolicySpec(policy.order(), selectors[0], types, RuleMapping.toV3(policy.inboundRules(), ""),
                RuleMapping.toV3(policy.outboundRules(), ""), selectors[1], policy.untracked(), policy.preDnat(),
                policy.applyOnForward());
        return Optional.of(new GlobalNetworkPolicyResource(metadata(key.name(), "", policy.annotations()), spec));
    }

    private static ResourceMetadata metadata(String name, String namespace, Map<String, String> annotations) {
        return new ResourceMetadata(name, Map.of(), annotations, "", namespace);
    }

    private static String type(String v1) {
        return switch (v1) {
            case "ingress" -> PolicySpec.INGRESS;
            case "egress" -> PolicySpec.EGRESS;
            default -> v1;
        };
    }

    /** The policy's own selector without the namespace term {@link #toEntry} added. */
    private static String ownSelector(String selector, String namespace) {
        String own = NamespaceSelectorText.own(namespace);
        String suffix = ") && " + own;
        if (selector.equals(own)) {
            return "";
        }
        if (selector.startsWith("(") && selector.endsWith(suffix)) {
            return selector.substring(1, selector.length() - suffix.length());
        }
        return selector;
    }

    /** {@code [selector, namespaceSelector]} of a global policy ({@code (<selector>) && <pcns. selector>}). */
    private static String[] globalSelectors(String selector) {
        Optional<String> whole = NamespaceSelectorText.unprefixed(selector);
        if (whole.isPresent()) {
            return new String[] {"", whole.get()};
        }
        return NamespaceSelectorText.splitFirstGroup(selector)
                .flatMap(parts -> NamespaceSelectorText.unprefixed(parts[1]).map(ns -> new String[] {parts[0], ns}))
                .orElseGet(() -> new String[] {selector, ""});
    }
}
