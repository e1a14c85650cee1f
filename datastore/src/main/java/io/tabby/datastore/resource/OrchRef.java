package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/** The name an orchestrator knows a node by. */
public record OrchRef(String nodeName, String orchestrator) {
    public OrchRef {
        requireNonNull(nodeName, "nodeName is null");
        requireNonNull(orchestrator, "orchestrator is null");
    }
}
