package io.tabby.datastore.path;

import io.tabby.datastore.model.OrchestratorRef;
import java.util.List;

/**
 * {@code /calico/v1/host/<node>/orchestrator_refs}: a JSON array naming the node in each
 * orchestrator.
 *
 * @param node the node name
 */
public record OrchestratorRefsKey(String node) implements Key<List<OrchestratorRef>> {
    public OrchestratorRefsKey {
        Segments.requirePlain(node, "node name");
    }
}
