package io.tabby.datastore.path;

/**
 * {@code /calico/v1/host/<node>/config/<name>}: a per-node Felix parameter, a plain string
 * (e.g. {@code IpInIpTunnelAddr}).
 *
 * @param node the node name
 * @param name the parameter name
 */
public record HostConfigKey(String node, String name) implements Key<String> {
    public HostConfigKey {
        Segments.requirePlain(node, "node name");
        Segments.requirePlain(name, "config name");
    }
}
