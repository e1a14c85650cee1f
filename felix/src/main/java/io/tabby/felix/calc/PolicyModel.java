package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.Policy;
import io.tabby.datastore.model.WorkloadEndpoint;
import io.tabby.datastore.path.WorkloadEndpointKey;
import io.tabby.datastore.syncer.Update;
import io.tabby.felix.api.EndpointPolicies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's policy model as felix computes it, for questions about flows: built from the same
 * v1 keys and decoded by the same code felix uses, so {@code tabbyctl policy explain} says what the
 * programmed chains do. Not thread-safe; build one per question or guard it.
 */
public final class PolicyModel {
    private final DatastoreView view = new DatastoreView();

    /** A model of the v1 keys in {@code keyValues} (full etcd key to JSON value). */
    public static PolicyModel of(Map<String, String> keyValues) {
        PolicyModel model = new PolicyModel();
        long revision = 1;
        for (Map.Entry<String, String> entry : keyValues.entrySet()) {
            model.view.apply(new Update(entry.getKey(), entry.getValue(), revision++));
        }
        return model;
    }

    /** The endpoint holding {@code ip}, if any. */
    public Optional<WorkloadEndpointKey> endpointOf(IpAddr ip) {
        for (Map.Entry<WorkloadEndpointKey, WorkloadEndpoint> entry : view.workloadEndpoints.entrySet()) {
            WorkloadEndpoint ep = entry.getValue();
            List<Cidr> nets = new ArrayList<>();
            if (ep.ipv4Nets() != null) {
                nets.addAll(ep.ipv4Nets());
            }
            if (ep.ipv6Nets() != null) {
                nets.addAll(ep.ipv6Nets());
            }
            if (nets.stream().anyMatch(n -> n.contains(ip))) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** The effective labels of an endpoint (its own over its profiles'). */
    public Map<String, String> labels(WorkloadEndpointKey key) {
        WorkloadEndpoint ep = endpoint(key);
        return EffectiveLabels.of(ep.labels(), profiles(ep), view.inheritedLabels());
    }

    /** Which policies apply to an endpoint, in felix's order. */
    public EndpointPolicies policies(WorkloadEndpointKey key) {
        List<ParsedPolicy> sorted = new ArrayList<>(view.policies.values());
        sorted.sort(PolicyOrder.COMPARATOR);
        return EndpointPolicyResolver.resolve(sorted, labels(key), profiles(endpoint(key)));
    }

    /**
     * The verdicts for one packet from {@code src} to {@code dst}: the source endpoint's egress
     * (when the source is an endpoint) and the destination endpoint's ingress (when it is one).
     */
    public FlowExplanation explain(IpAddr src, IpAddr dst, int protocol, int dstPort, Integer icmpType) {
        Optional<WorkloadEndpointKey> from = endpointOf(src);
        Optional<WorkloadEndpointKey> to = endpointOf(dst);
        Flow flow = new Flow(src, dst, protocol, 0, dstPort, icmpType, icmpType == null ? null : 0,
                from.map(this::labels), to.map(this::labels));
        Map<String, Policy> policies = new HashMap<>();
        view.policies.forEach((name, parsed) -> policies.put(name, parsed.policy()));
        Optional<Verdict> egress = from.map(key -> DirectionEvaluator.evaluate(endpoint(key), policies(key), false,
                policies, view.profileRules, flow));
        Optional<Verdict> ingress = to.map(key -> DirectionEvaluator.evaluate(endpoint(key), policies(key), true,
                policies, view.profileRules, flow));
        return new FlowExplanation(from, to, egress, ingress);
    }

    private WorkloadEndpoint endpoint(WorkloadEndpointKey key) {
        WorkloadEndpoint ep = view.workloadEndpoints.get(requireNonNull(key, "key is null"));
        if (ep == null) {
            throw new IllegalArgumentException("no workload endpoint " + key);
        }
        return ep;
    }

    private static List<String> profiles(WorkloadEndpoint ep) {
        return ep.profileIds() == null ? List.of() : ep.profileIds();
    }
}
