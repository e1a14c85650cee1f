package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code protocol static}: fixed routes, here the blackholes for the blocks a node owns. */
public record StaticProtocol(String name, SourcePosition position, Optional<String> description, Set<String> debug,
        RoutePolicy importPolicy, List<StaticRoute> routes) implements BirdProtocol {

    public StaticProtocol {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
        requireNonNull(description, "description is null");
        debug = Set.copyOf(debug);
        requireNonNull(importPolicy, "importPolicy is null");
        routes = List.copyOf(routes);
    }
}
