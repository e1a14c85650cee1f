package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the JSON array at {@code /calico/v1/host/<node>/orchestrator_refs}: the node's
 * name in an orchestrator, {@code {"orchestrator":"k8s","nodeName":"node-1"}}. Each field is
 * omitted when empty.
 *
 * @param orchestrator {@code orchestrator}
 * @param nodeName {@code nodeName}
 * @param unknown fields Tabby does not model
 */
public record OrchestratorRef(String orchestrator, String nodeName, UnknownFields unknown) {

    public OrchestratorRef {
        requireNonNull(orchestrator, "orchestrator is null");
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(unknown, "unknown is null");
    }

    public OrchestratorRef(String orchestrator, String nodeName) {
        this(orchestrator, nodeName, UnknownFields.NONE);
    }
}
