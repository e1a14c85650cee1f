package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.FelixStatus;

/**
 * {@code /calico/felix/v1/host/<node>/status} or {@code .../last_reported_status}.
 *
 * @param node the node name
 * @param kind which report
 */
public record FelixStatusKey(String node, FelixStatusKind kind) implements Key<FelixStatus> {
    public FelixStatusKey {
        Segments.requirePlain(node, "node name");
        requireNonNull(kind, "kind is null");
    }
}
