package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/** {@code protocol device}: watches interfaces; {@code scanTimeSeconds} defaults to 60. */
public record DeviceProtocol(String name, SourcePosition position, Optional<String> description, Set<String> debug,
        int scanTimeSeconds) implements BirdProtocol {

    public DeviceProtocol {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
        requireNonNull(description, "description is null");
        debug = Set.copyOf(debug);
    }
}
