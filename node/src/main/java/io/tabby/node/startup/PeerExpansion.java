package io.tabby.node.startup;

/** placeholder */
public final class PeerExpansion {
    public void reconcile() {
    }
}
