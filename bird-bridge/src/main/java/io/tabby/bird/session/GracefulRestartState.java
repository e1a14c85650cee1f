package io.tabby.bird.session;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.message.Capability;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Graceful restart bookkeeping for the receiving speaker (helper) role, RFC 4724 §4.2. It only
 * decides; the RIB applies the resulting {@link FsmAction.SessionDown} stale families and
 * {@link FsmAction.FlushStale} later.
 *
 * <ul>
 *   <li>When an Established session on which both sides advertised graceful restart ends without
 *       a NOTIFICATION (the TCP connection just went away), the peer's routes of the families in
 *       its capability are kept, marked stale, and the peer's restart time starts. A restart time
 *       of 0, or a capability without families, keeps nothing.</li>
 *   <li>Any NOTIFICATION, sent or received (hold timer expiry included), ends the session the
 *       classic way: everything is flushed. This is RFC 4724 without RFC 8538's N bit, which we
 *       neither advertise nor honour.</li>
 *   <li>When the session is back, stale families the new capability does not list with the
 *       Forwarding State bit are flushed at once; the rest wait for their End-of-RIB, bounded by
 *       the configured stale time.</li>
 *   <li>The restart timer or the stale timer running out flushes whatever is still stale, as does
 *       ManualStop.</li>
 * </ul>
 */
final class GracefulRestartState {
    private final Duration staleTime;
    private final Set<AfiSafi> stale = new HashSet<>();

    GracefulRestartState(Duration staleTime) {
        this.staleTime = requireNonNull(staleTime, "staleTime is null");
    }

    /** Families whose routes are stale now. */
    Set<AfiSafi> staleFamilies() {
        return Set.copyOf(stale);
    }

    /**
     * The Established session {@code negotiated} ended; returns the families to keep as stale.
     * {@code notification} says whether a NOTIFICATION was sent or received.
     */
    Set<AfiSafi> sessionLost(Negotiated negotiated, boolean notification, List<FsmAction> out) {
        Optional<Capability.GracefulRestart> peer = negotiated.peerGracefulRestart();
        Set<AfiSafi> keep = new HashSet<>();
        if (!notification && negotiated.localGracefulRestart() && peer.isPresent() && peer.get().restartTime() > 0) {
            for (Capability.GracefulRestart.Family family : peer.get().families()) {
                AfiSafi.fromCodes(family.afi(), family.safi()).filter(negotiated.families()::contains).ifPresent(keep::add);
            }
        }
        // Families stale from an earlier drop stay stale only if this drop is graceful too.
        stale.retainAll(keep);
        stale.addAll(keep);
        out.add(new FsmAction.StopTimer(TimerKind.GR_STALE));
        if (stale.isEmpty()) {
            out.add(new FsmAction.StopTimer(TimerKind.GR_RESTART));
        } else {
            out.add(new FsmAction.StartTimer(TimerKind.GR_RESTART, Duration.ofSeconds(peer.orElseThrow().restartTime())));
        }
        return Set.copyOf(stale);
    }

    /** The session is Established again with {@code negotiated}. */
    void established(Negotiated negotiated, List<FsmAction> out) {
        if (stale.isEmpty()) {
            return;
        }
        out.add(new FsmAction.StopTimer(TimerKind.GR_RESTART));
        Set<AfiSafi> preserved = preserved(negotiated);
        Set<AfiSafi> flush = new HashSet<>(stale);
        flush.removeAll(preserved);
        if (!flush.isEmpty()) {
            stale.removeAll(flush);
            out.add(new FsmAction.FlushStale(flush));
        }
        if (!stale.isEmpty()) {
            out.add(new FsmAction.StartTimer(TimerKind.GR_STALE, staleTime));
        }
    }

    /** End-of-RIB for {@code family} arrived: its routes still stale were not re-advertised. */
    void endOfRib(AfiSafi family, List<FsmAction> out) {
        if (stale.remove(family)) {
            out.add(new FsmAction.FlushStale(Set.of(family)));
            if (stale.isEmpty()) {
                out.add(new FsmAction.StopTimer(TimerKind.GR_STALE));
            }
        }
    }

    /** The restart or stale timer ran out, or the session was stopped: flush what is left. */
    void flushAll(List<FsmAction> out) {
        if (!stale.isEmpty()) {
            out.add(new FsmAction.FlushStale(stale));
            stale.clear();
        }
        out.add(new FsmAction.StopTimer(TimerKind.GR_RESTART));
        out.add(new FsmAction.StopTimer(TimerKind.GR_STALE));
    }

    /** Families the peer's new capability lists with the Forwarding State bit (RFC 4724 §4.2). */
    private static Set<AfiSafi> preserved(Negotiated negotiated) {
        Set<AfiSafi> result = new HashSet<>();
        negotiated.peerGracefulRestart().ifPresent(gr -> gr.families().stream()
                .filter(Capability.GracefulRestart.Family::forwardingPreserved)
                .forEach(f -> AfiSafi.fromCodes(f.afi(), f.safi()).ifPresent(result::add)));
        result.retainAll(negotiated.families());
        return result;
    }
}
