package io.tabby.bird.rib;

/**
 * A peer's export policy, applied before the protocol rewrites (BIRD's {@code export} filter; the
 * filter language comes later). Must be pure: it is re-run whenever the best path changes.
 */
@FunctionalInterface
public interface ExportFilter {
    ExportFilter ALL = (target, route) -> true;

    /** Whether {@code route} may be sent to {@code target}. */
    boolean accept(PeerInfo target, Route route);
}
