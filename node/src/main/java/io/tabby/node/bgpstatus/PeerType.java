package io.tabby.node.bgpstatus;

import java.util.Optional;

/** calicoctl's PEER TYPE column, named by the protocol's prefix. */
public enum PeerType {
    MESH("Mesh_", "node-to-node mesh"),
    GLOBAL("Global_", "global"),
    NODE("Node_", "node specific");

    private final String prefix;
    private final String display;

    PeerType(String prefix, String display) {
        this.prefix = prefix;
        this.display = display;
    }

    /** The protocol name prefix, e.g. {@code Mesh_}. */
    public String prefix() {
        return prefix;
    }

    /** As calicoctl prints it, e.g. {@code node-to-node mesh}. */
    public String display() {
        return display;
    }

    /** The type of a BGP protocol Calico's templates named, empty for any other protocol. */
    public static Optional<PeerType> ofProtocol(String protocolName) {
        for (PeerType type : values()) {
            if (protocolName.startsWith(type.prefix) && protocolName.length() > type.prefix.length()) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static PeerType ofDisplay(String display) {
        for (PeerType type : values()) {
            if (type.display.equals(display)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown peer type '" + display
                + "': expected node-to-node mesh, global or node specific");
    }
}
