package io.tabby.ctl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.resource.render.DocumentText;
import io.tabby.felix.calc.Verdict;
import java.util.Optional;

/**
 * The answer as a document for scripts ({@code -o yaml|json}): {@code allowed}, the {@code flow},
 * the {@code source} and {@code destination} endpoints (null for a plain address), and per policed
 * direction the verdict with {@code decidedBy} ({@code policy}, {@code profile}, {@code default}),
 * {@code name}, the 0-based {@code ruleIndex} into the stored rule list (-1 for a default),
 * {@code rule} as stored and {@code reason}. A direction that is not policed is null.
 */
final class ReportDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportDocument() {}

    static String json(ExplainReport report) {
        return DocumentText.json(tree(report));
    }

    static String yaml(ExplainReport report) {
        return DocumentText.yaml(tree(report));
    }

    static ObjectNode tree(ExplainReport report) {
        ObjectNode root = NODES.objectNode();
        root.put("allowed", report.explanation().allowed());
        ObjectNode flow = root.putObject("flow");
        flow.put("source", report.source().address().toString());
        flow.put("destination", report.destination().address().toString());
        flow.put("protocol", report.query().protocolName());
        if (report.query().hasPorts()) {
            flow.put("port", report.query().port());
        }
        if (report.query().icmpType() != null) {
            flow.put("icmpType", report.query().icmpType());
        }
        root.set("source", end(report.source()));
        root.set("destination", end(report.destination()));
        root.set("egress", verdict(report.explanation().egress(), report.egressRule()));
        root.set("ingress", verdict(report.explanation().ingress(), report.ingressRule()));
        root.put("revision", report.revision());
        return root;
    }

    private static JsonNode end(FlowEnd end) {
        if (end.endpoint().isEmpty()) {
            return NODES.nullNode();
        }
        EndpointRef ep = end.endpoint().get();
        ObjectNode node = NODES.objectNode();
        node.put("namespace", ep.namespace());
        node.put("name", ep.name());
        node.put("workload", ep.workload());
        node.put("node", ep.node());
        return node;
    }

    private static JsonNode verdict(Optional<Verdict> verdict, Optional<JsonNode> rule) {
        if (verdict.isEmpty()) {
            return NODES.nullNode();
        }
        Verdict v = verdict.get();
        ObjectNode node = NODES.objectNode();
        node.put("action", ExplainReport.action(v.allowed()));
        node.put("decidedBy", v.decidedBy());
        node.put("name", v.name());
        node.put("ruleIndex", v.ruleIndex());
        rule.ifPresent(r -> node.set("rule", r));
        node.put("reason", v.reason());
        return node;
    }
}
