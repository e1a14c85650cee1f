package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

/**
 * {@code /calico/bgp/v1/host/<node>/<field>}: a plain-string node BGP setting.
 *
 * @param node the node name
 * @param field which setting
 */
public record NodeBgpFieldKey(String node, NodeBgpField field) implements Key<String> {
    public NodeBgpFieldKey {
        Segments.requirePlain(node, "node name");
        requireNonNull(field, "field is null");
    }
}
