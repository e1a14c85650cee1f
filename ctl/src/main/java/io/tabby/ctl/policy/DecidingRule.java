package io.tabby.ctl.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tabby.datastore.path.KeyPaths;
import io.tabby.datastore.path.PolicyKey;
import io.tabby.datastore.path.ProfileRulesKey;
import io.tabby.felix.calc.Verdict;
import java.util.Map;
import java.util.Optional;

/**
 * The rule a verdict names, as it is stored in etcd ({@code inbound_rules}/{@code outbound_rules}
 * of the policy or profile key): exactly what felix read.
 */
final class DecidingRule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecidingRule() {}

    /** The rule of {@code verdict} in {@code snapshot}; empty for a default verdict. */
    static Optional<JsonNode> of(Verdict verdict, boolean ingress, Map<String, String> snapshot) {
        if (verdict.ruleIndex() < 0) {
            return Optional.empty();
        }
        String key = switch (verdict.decidedBy()) {
            case "policy" -> KeyPaths.toPath(new PolicyKey(PolicyKey.DEFAULT_TIER, verdict.name()));
            case "profile" -> KeyPaths.toPath(new ProfileRulesKey(verdict.name()));
            default -> null;
        };
        String text = key == null ? null : snapshot.get(key);
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonNode rules = JSON.readTree(text).path(ingress ? "inbound_rules" : "outbound_rules");
            JsonNode rule = rules.path(verdict.ruleIndex());
            return rule.isObject() ? Optional.of(rule) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
