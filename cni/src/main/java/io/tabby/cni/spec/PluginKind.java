package io.tabby.cni.spec;

import java.util.Set;

/**
 * Which of the two plugins was executed. The main plugin reads its own {@code type}; the IPAM
 * plugin is handed the main plugin's whole config and reads {@code ipam.type}.
 */
public enum PluginKind {
    TABBY("tabby", Set.of("tabby", "calico")),
    TABBY_IPAM("tabby-ipam", Set.of("tabby-ipam", "calico-ipam"));

    /** The IPAM types the main plugin accepts: IPAM is always done by the node agent. */
    public static final Set<String> IPAM_TYPES = TABBY_IPAM.acceptedTypes;

    private final String binaryName;
    private final Set<String> acceptedTypes;

    PluginKind(String binaryName, Set<String> acceptedTypes) {
        this.binaryName = binaryName;
        this.acceptedTypes = acceptedTypes;
    }

    public String binaryName() {
        return binaryName;
    }

    public Set<String> acceptedTypes() {
        return acceptedTypes;
    }
}
