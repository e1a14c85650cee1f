package io.tabby.ctl.policy;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.felix.calc.FlowExplanation;
import io.tabby.felix.calc.Verdict;
import java.util.Optional;

/**
 * Everything {@code policy explain} prints about one flow.
 *
 * @param source the packet's source
 * @param destination the packet's destination
 * @param query protocol and port
 * @param explanation felix's verdicts
 * @param egressRule the rule deciding egress, when a rule does
 * @param ingressRule the rule deciding ingress, when a rule does
 * @param revision the etcd revision everything was read at
 */
public record ExplainReport(FlowEnd source, FlowEnd destination, FlowQuery query, FlowExplanation explanation,
        Optional<JsonNode> egressRule, Optional<JsonNode> ingressRule, long revision) {
    public ExplainReport {
        requireNonNull(source, "source is null");
        requireNonNull(destination, "destination is null");
        requireNonNull(query, "query is null");
        requireNonNull(explanation, "explanation is null");
        requireNonNull(egressRule, "egressRule is null");
        requireNonNull(ingressRule, "ingressRule is null");
    }

    /** v3's spelling of an action. */
    static String action(boolean allowed) {
        return allowed ? "Allow" : "Deny";
    }

    /** What decided, in words: {@code policy b/knp.default.web, ingress rule 1}. */
    static String decider(Verdict verdict, boolean ingress) {
        String direction = ingress ? "ingress" : "egress";
        return switch (verdict.decidedBy()) {
            case "policy", "profile" -> verdict.decidedBy() + " " + verdict.name() + ", " + direction + " rule "
                    + (verdict.ruleIndex() + 1);
            default -> "default (" + verdict.name() + ")";
        };
    }
}
