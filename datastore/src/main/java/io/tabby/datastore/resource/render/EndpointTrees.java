package io.tabby.datastore.resource.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabby.datastore.resource.HostEndpointSpec;
import io.tabby.datastore.resource.WorkloadEndpointSpec;

/** Endpoint specs in the v3 structs' field order, empty fields left out. */
final class EndpointTrees {
    private EndpointTrees() {
    }

    static ObjectNode host(HostEndpointSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        SpecTrees.putText(tree, "node", spec.node());
        SpecTrees.putText(tree, "interfaceName", spec.interfaceName());
        PolicyTrees.texts(tree, "expectedIPs", spec.expectedIPs());
        PolicyTrees.texts(tree, "profiles", spec.profiles());
        return tree;
    }

    static ObjectNode workload(WorkloadEndpointSpec spec) {
        ObjectNode tree = V3Tree.NODES.objectNode();
        SpecTrees.putText(tree, "orchestrator", spec.orchestrator());
        SpecTrees.putText(tree, "workload", spec.workload());
        SpecTrees.putText(tree, "node", spec.node());
        SpecTrees.putText(tree, "containerID", spec.containerID());
        SpecTrees.putText(tree, "pod", spec.pod());
        SpecTrees.putText(tree, "endpoint", spec.endpoint());
        PolicyTrees.texts(tree, "ipNetworks", spec.ipNetworks());
        if (!spec.ipNATs().isEmpty()) {
            ArrayNode nats = tree.putArray("ipNATs");
            spec.ipNATs().forEach(nat -> nats.addObject().put("internalIP", nat.internalIP())
                    .put("externalIP", nat.externalIP()));
        }
        SpecTrees.putText(tree, "ipv4Gateway", spec.ipv4Gateway());
        SpecTrees.putText(tree, "ipv6Gateway", spec.ipv6Gateway());
        PolicyTrees.texts(tree, "profiles", spec.profiles());
        SpecTrees.putText(tree, "interfaceName", spec.interfaceName());
        SpecTrees.putText(tree, "mac", spec.mac());
        return tree;
    }
}
