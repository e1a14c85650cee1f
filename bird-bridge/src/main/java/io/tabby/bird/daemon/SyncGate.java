package io.tabby.bird.daemon;

import io.tabby.bird.speaker.PeerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides when the engine has re-learned its routes after a start, so that the kernel protocol may
 * drop the {@code proto bird} routes of the previous run nobody re-announced
 * ({@link io.tabby.bird.kernel.KernelExport#synced()}).
 *
 * <p>The gate opens once every enabled BGP peer is Established and its End-of-RIB (RFC 4724 §2)
 * has been applied for every family ({@link PeerStatus#synced()}): the RIB has its whole table
 * and has handed the resulting best-route changes to the kernel thread. Peers that do not come
 * back, or never send End-of-RIB, are waited for until the graceful restart time the
 * configuration announces has run out (BIRD's {@code graceful restart wait}); then the gate opens
 * anyway.
 */
final class SyncGate {

    private final Instant deadline;
    private boolean open;

    SyncGate(Instant start, Duration restartWait) {
        this.deadline = start.plus(restartWait);
    }

    /** Whether to sync now; true once, then false for ever. */
    boolean shouldSync(Instant now, List<PeerStatus> peers) {
        if (open) {
            return false;
        }
        boolean ready = !now.isBefore(deadline) || peers.stream().filter(PeerStatus::enabled).allMatch(PeerStatus::synced);
        if (ready) {
            open = true;
        }
        return ready;
    }

    boolean isOpen() {
        return open;
    }
}
