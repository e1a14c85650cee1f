package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code protocol direct}: connected routes of the interfaces matching {@code interfaces} (all if empty). */
public record DirectProtocol(String name, SourcePosition position, Optional<String> description, Set<String> debug,
        List<InterfacePattern> interfaces) implements BirdProtocol {

    public DirectProtocol {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
        requireNonNull(description, "description is null");
        debug = Set.copyOf(debug);
        interfaces = List.copyOf(interfaces);
    }
}
