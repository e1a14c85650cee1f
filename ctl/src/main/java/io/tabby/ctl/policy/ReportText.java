package io.tabby.ctl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.felix.calc.Verdict;
import java.util.Optional;

/**
 * The plain-text answer, in calicoctl's {@code Field: value} style: the flow, both ends, the
 * verdict, then one block per policed direction naming the action, what decided it and the rule
 * (as stored in etcd) or the reason for a default.
 */
final class ReportText {
    private ReportText() {}

    static String render(ExplainReport report) {
        StringBuilder text = new StringBuilder();
        field(text, "", "Flow", flow(report));
        field(text, "", "From", end(report.source()));
        field(text, "", "To", end(report.destination()));
        field(text, "", "Verdict", ExplainReport.action(report.explanation().allowed())
                + " (datastore revision " + report.revision() + ")");
        text.append('\n');
        direction(text, "Egress", "from", report.source(), report.explanation().egress(), report.egressRule(), false);
        direction(text, "Ingress", "to", report.destination(), report.explanation().ingress(), report.ingressRule(), true);
        return text.toString();
    }

    private static String flow(ExplainReport report) {
        FlowQuery query = report.query();
        String packet = query.protocolName() + (query.icmpType() != null ? " type " + query.icmpType() : "");
        return packet + " " + report.source().address() + " -> " + report.destination().address()
                + (query.hasPorts() ? " port " + query.port() : "");
    }

    private static String end(FlowEnd end) {
        return end.endpoint().map(ep -> "workloadendpoint " + ep.id() + " (" + ep.workload() + " on node " + ep.node()
                + ", " + end.address() + ")").orElse(end.address() + " (no workload endpoint)");
    }

    private static void direction(StringBuilder text, String title, String preposition, FlowEnd end,
            Optional<Verdict> verdict, Optional<JsonNode> rule, boolean ingress) {
        if (verdict.isEmpty()) {
            text.append(title).append(": not policed, ").append(end.address())
                    .append(" is no workload endpoint\n");
            return;
        }
        Verdict v = verdict.get();
        text.append(title).append(' ').append(preposition).append(' ').append(end.endpoint().orElseThrow().id())
                .append(":\n");
        field(text, "  ", "Action", ExplainReport.action(v.allowed()));
        field(text, "  ", "Decided by", ExplainReport.decider(v, ingress));
        if (rule.isPresent()) {
            field(text, "  ", "Rule", rule.get().toString());
        } else {
            field(text, "  ", "Reason", v.reason());
        }
    }

    private static void field(StringBuilder text, String indent, String name, String value) {
        String label = name + ":";
        text.append(indent).append(label).append(" ".repeat(Math.max(1, 12 - label.length()))).append(value).append('\n');
    }
}
