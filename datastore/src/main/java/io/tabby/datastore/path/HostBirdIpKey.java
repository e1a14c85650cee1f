package io.tabby.datastore.path;

/**
 * {@code /calico/v1/host/<node>/bird_ip}: the node's IPv4 address as a plain string (Felix
 * uses it for the IPIP all-hosts set).
 *
 * @param node the node name
 */
public record HostBirdIpKey(String node) implements Key<String> {
    public HostBirdIpKey {
        Segments.requirePlain(node, "node name");
    }
}
