package io.tabby.datastore.resource.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.resource.EntityRule;
import io.tabby.datastore.resource.IcmpMatch;
import io.tabby.datastore.resource.PolicyRule;
import io.tabby.datastore.resource.PolicySpec;
import io.tabby.datastore.resource.ProfileSpec;
import java.util.List;
import java.util.Map;

/**
 * The specs with rules in the v3 structs' field order: policy {@code tier, order, ingress, egress,
 * selector, types} (then the GlobalNetworkPolicy fields {@code doNotTrack, preDNAT,
 * applyOnForward, namespaceSelector}); rule {@code action, ipVersion, protocol, icmp, notProtocol,
 * notICMP, source, destination}; entity {@code nets, selector, namespaceSelector, ports, notNets,
 * notSelector, notPorts}. Single ports print as numbers, ranges and names as strings.
 */
final class PolicyTrees {
    private PolicyTrees() {
    }

    static ObjectNode policy(PolicySpec spec, boolean global) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        tree.put("tier", "default");
        if (spec.order() != null) {
            double order = spec.order();
            if (order == Math.rint(order) && Math.abs(order) < 1e15) {
                tree.put("order", (long) order);
            } else {
                tree.put("order", order);
            }
        }
        rules(tree, "ingress", spec.ingress());
        rules(tree, "egress", spec.egress());
        tree.put("selector", spec.selector());
        ArrayNode types = tree.putArray("types");
        spec.types().forEach(types::add);
        if (global) {
            putTrue(tree, "doNotTrack", spec.doNotTrack());
            putTrue(tree, "preDNAT", spec.preDNAT());
            putTrue(tree, "applyOnForward", spec.applyOnForward());
            SpecTrees.putText(tree, "namespaceSelector", spec.namespaceSelector());
        }
        return tree;
    }

    static ObjectNode profile(ProfileSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        rules(tree, "ingress", spec.ingress());
        rules(tree, "egress", spec.egress());
        putMap(tree, "labelsToApply", spec.labelsToApply());
        return tree;
    }

    private static void rules(ObjectNode tree, String field, List<PolicyRule> rules) {
        if (rules.isEmpty()) {
            return;
        }
        ArrayNode list = tree.putArray(field);
        for (PolicyRule rule : rules) {
            ObjectNode node = list.addObject();
            node.put("action", rule.action());
            if (rule.ipVersion() != null) {
                node.put("ipVersion", rule.ipVersion());
            }
            protocol(node, "protocol", rule.protocol());
            icmp(node, "icmp", rule.icmp());
            protocol(node, "notProtocol", rule.notProtocol());
            icmp(node, "notICMP", rule.notIcmp());
            // Go's EntityRule has no omitempty on the struct itself: both always print
            node.set("source", entity(rule.source()));
            node.set("destination", entity(rule.destination()));
        }
    }

    private static ObjectNode entity(EntityRule entity) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        texts(tree, "nets", entity.nets());
        SpecTrees.putText(tree, "selector", entity.selector());
        SpecTrees.putText(tree, "namespaceSelector", entity.namespaceSelector());
        ports(tree, "ports", entity.ports());
        texts(tree, "notNets", entity.notNets());
        SpecTrees.putText(tree, "notSelector", entity.notSelector());
        ports(tree, "notPorts", entity.notPorts());
        return tree;
    }

    private static void protocol(ObjectNode tree, String field, Protocol protocol) {
        if (protocol == null) {
            return;
        }
        if (protocol.number() != null) {
            tree.put(field, protocol.number());
        } else {
            tree.put(field, protocol.name());
        }
    }

    private static void icmp(ObjectNode tree, String field, IcmpMatch icmp) {
        if (icmp == null) {
            return;
        }
        ObjectNode node = tree.putObject(field);
        if (icmp.type() != null) {
            node.put("type", icmp.type());
        }
        if (icmp.code() != null) {
            node.put("code", icmp.code());
        }
    }

    private static void ports(ObjectNode tree, String field, List<RulePort> ports) {
        if (ports.isEmpty()) {
            return;
        }
        ArrayNode list = tree.putArray(field);
        for (RulePort port : ports) {
            if (port.name() == null && port.min() == port.max()) {
                list.add(port.min());
            } else {
                list.add(port.toString());
            }
        }
    }

    static void texts(ObjectNode tree, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode list = tree.putArray(field);
            values.forEach(list::add);
        }
    }

    static void putMap(ObjectNode tree, String field, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode node = tree.putObject(field);
            map.forEach(node::put);
        }
    }

    private static void putTrue(ObjectNode tree, String field, boolean value) {
        if (value) {
            tree.put(field, true);
        }
    }
}
