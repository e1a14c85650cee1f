package io.tabby.bird.session;

/**
 * BIRD's {@code graceful restart} switch (RFC 4724): what we advertise and which role we play.
 */
public enum GracefulRestartMode {
    /** No graceful restart capability; a dropped session flushes the peer's routes at once. */
    OFF,
    /**
     * Advertise the capability with no families: we keep a restarting peer's routes (receiving
     * speaker, RFC 4724 §4.2) but do not claim to preserve our own forwarding state.
     */
    AWARE,
    /**
     * Advertise every configured family with the Forwarding State bit set: our kernel routes
     * survive our own restart (restarting speaker, RFC 4724 §4.1), and we help a restarting peer.
     */
    ON
}
