package io.tabby.felix.calc;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Policy;
import io.tabby.datastore.selector.Selector;
import io.tabby.datastore.selector.SelectorParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A policy with its selector parsed and its directions decided.
 *
 * <p>Directions: the {@code types} list when present. Without one (data written before types
 * existed), as Calico's API defaults them: ingress unless the policy has only outbound rules,
 * egress when it has outbound rules.
 *
 * @param name the policy name
 * @param policy the stored policy
 * @param selector the parsed selector, empty when it does not parse (the policy then selects nothing)
 * @param ingress whether it governs traffic to endpoints
 * @param egress whether it governs traffic from endpoints
 */
public record ParsedPolicy(String name, Policy policy, Optional<Selector> selector, boolean ingress, boolean egress) {
    private static final Logger LOG = LogManager.getLogger(ParsedPolicy.class);

    public ParsedPolicy {
        requireNonNull(name, "name is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(selector, "selector is null");
    }

    /** Parses {@code policy}; a bad selector is logged and selects nothing. */
    public static ParsedPolicy of(String name, Policy policy) {
        Optional<Selector> selector;
        try {
            selector = Optional.of(Selector.parse(policy.selector()));
        } catch (SelectorParseException e) {
            LOG.warn("policy {} selects no endpoint: {}", name, e.getMessage());
            selector = Optional.empty();
        }
        boolean ingress;
        boolean egress;
        if (policy.types().isEmpty()) {
            egress = !policy.outboundRules().isEmpty();
            ingress = !policy.inboundRules().isEmpty() || !egress;
        } else {
            ingress = policy.types().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals("ingress"));
            egress = policy.types().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals("egress"));
        }
        return new ParsedPolicy(name, policy, selector, ingress, egress);
    }

    /** True when the policy's selector matches {@code labels}. */
    public boolean selects(Map<String, String> labels) {
        return selector.map(s -> s.matches(labels)).orElse(false);
    }
}
