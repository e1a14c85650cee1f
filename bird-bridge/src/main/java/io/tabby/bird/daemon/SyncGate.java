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
 * <p>The speaker does not report End-of-RIB to the daemon, so the gate stands in for it: every
 * enabled BGP peer is Established and neither a session nor a best route has changed for
 * {@link #QUIET}; peers send their table right after the OPEN exchange and End-of-RIB straight
 * after it. Peers that do not come back are waited for until the graceful restart time the
 * configuration announces has run out (BIRD's {@code graceful restart wait}), then the gate opens
 * anyway.
 */
final class SyncGate {

    static final Duration QUIET = Duration.ofSeconds(2);

    private final Instant deadline;
    private boolean open;

    SyncGate(Instant start, Duration restartWait) {
        this.deadline = start.plus(restartWait);
    }

    /**
     * Whether to sync now; true once, then false for ever.
     *
     * @param lastChange when a best route last changed (or the start)
     */
    boolean shouldSync(Instant now, List<PeerStatus> peers, Instant lastChange) {
        if (open) {
            return false;
        }
        boolean ready = !now.isBefore(deadline) || settled(now, peers, lastChange);
        if (ready) {
            open = true;
        }
        return ready;
    }

    boolean isOpen() {
        return open;
    }

    private static boolean settled(Instant now, List<PeerStatus> peers, Instant lastChange) {
        Instant quietSince = lastChange;
        for (PeerStatus peer : peers) {
            if (!peer.enabled()) {
                continue;
            }
            if (!peer.established()) {
                return false;
            }
            if (peer.since().isAfter(quietSince)) {
                quietSince = peer.since();
            }
        }
        return !now.isBefore(quietSince.plus(QUIET));
    }
}
