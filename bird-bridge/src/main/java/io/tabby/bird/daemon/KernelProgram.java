package io.tabby.bird.daemon;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.KernelProtocol;
import io.tabby.bird.filter.FilterVerdict;
import io.tabby.bird.filter.RouteFilterEngine;
import io.tabby.bird.kernel.KernelRoute;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * What the kernel protocol makes of a network's routes: the best by preference (BIRD's master
 * table), passed through the protocol's export filter. Routes the kernel protocol learned itself are
 * never written back, and device routes ({@code direct}) only with {@code device routes}, as in BIRD.
 * A filter that sets {@code krt_tunnel} turns the route into {@code via GW dev TUNNEL onlink}.
 */
final class KernelProgram {

    private final KernelProtocol protocol;
    private final RouteFilterEngine filters;

    KernelProgram(KernelProtocol protocol, RouteFilterEngine filters) {
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.filters = requireNonNull(filters, "filters is null");
    }

    /** The best of {@code candidates}: highest preference, BGP before others on a tie (none in practice). */
    static Optional<Candidate> best(Collection<Candidate> candidates) {
        return candidates.stream().max(Comparator.comparingInt(Candidate::preference));
    }

    /** The route to install for a network whose routes are {@code candidates}; empty: none of ours. */
    Optional<KernelRoute> program(Collection<Candidate> candidates) {
        Optional<Candidate> best = best(candidates);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Candidate winner = best.get();
        if (winner.kind() == Candidate.Kind.KERNEL
                || (winner.kind() == Candidate.Kind.DIRECT && !protocol.deviceRoutes())) {
            return Optional.empty();
        }
        return switch (filters.run(protocol.exportPolicy(), winner.view())) {
            case FilterVerdict.Accepted accepted -> Optional.of(winner.route().withTunnel(accepted.route().krtTunnel()));
            case FilterVerdict.Rejected rejected -> Optional.empty();
        };
    }
}
