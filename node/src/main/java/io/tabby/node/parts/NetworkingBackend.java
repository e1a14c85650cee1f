package io.tabby.node.parts;

import java.util.Locale;

/**
 * calico/node's {@code CALICO_NETWORKING_BACKEND}: what carries routes between nodes.
 */
public enum NetworkingBackend {
    /** BGP: confd renders bird.cfg and bird-bridge runs it (the default). */
    BIRD,
    /** VXLAN: felix programs the tunnel routes; no confd, no BGP. */
    VXLAN,
    /** No networking of Tabby's own (policy only, or the parts run separately): no confd, no BGP. */
    NONE;

    /** The variable's name. */
    public static final String ENV = "CALICO_NETWORKING_BACKEND";

    /**
     * Reads a value of {@link #ENV}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static NetworkingBackend parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "bird" -> BIRD;
            case "vxlan" -> VXLAN;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException(ENV + " is '" + value
                    + "'; use bird (BGP, the default), vxlan or none");
        };
    }

    /** Whether confd and bird-bridge run. */
    public boolean runsBgp() {
        return this == BIRD;
    }
}
