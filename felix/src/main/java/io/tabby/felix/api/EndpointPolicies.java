package io.tabby.felix.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Which policies decide an endpoint's traffic, in the order felix evaluates them: the policies
 * whose selector matches the endpoint and whose types include the direction, sorted by order
 * (then name), and then the endpoint's profiles. An endpoint with no policy in a direction falls
 * through to its profiles; one with policies is dropped when none of them allows or passes.
 *
 * @param ingress policy names for traffic to the endpoint
 * @param egress policy names for traffic from the endpoint
 * @param profiles the endpoint's profile ids, in its own order
 */
public record EndpointPolicies(List<String> ingress, List<String> egress, List<String> profiles) {

    public static final EndpointPolicies NONE = new EndpointPolicies(List.of(), List.of(), List.of());

    public EndpointPolicies {
        ingress = List.copyOf(requireNonNull(ingress, "ingress is null"));
        egress = List.copyOf(requireNonNull(egress, "egress is null"));
        profiles = List.copyOf(requireNonNull(profiles, "profiles is null"));
    }
}
