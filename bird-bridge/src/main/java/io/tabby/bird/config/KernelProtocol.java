package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code protocol kernel}: syncs the best routes with the kernel table.
 *
 * @param learn import routes other programs put in the kernel
 * @param persist leave routes in the kernel when the daemon exits
 * @param scanTimeSeconds kernel scan period (BIRD's default 60)
 * @param deviceRoutes also export device routes
 * @param gracefulRestart keep kernel routes across a restart until re-synced
 * @param mergePaths export ECMP routes as multipath
 * @param kernelTable the kernel table number, if not main
 */
public record KernelProtocol(String name, SourcePosition position, Optional<String> description, Set<String> debug,
        RoutePolicy importPolicy, RoutePolicy exportPolicy, boolean learn, boolean persist, int scanTimeSeconds,
        boolean deviceRoutes, boolean gracefulRestart, boolean mergePaths, OptionalLong kernelTable)
        implements BirdProtocol {

    public KernelProtocol {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
        requireNonNull(description, "description is null");
        debug = Set.copyOf(debug);
        requireNonNull(importPolicy, "importPolicy is null");
        requireNonNull(exportPolicy, "exportPolicy is null");
        requireNonNull(kernelTable, "kernelTable is null");
    }
}
