package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The selection of {@code show route [for ADDRESS] [protocol NAME]}.
 *
 * @param forAddress only the most specific network that covers this address
 * @param protocol only routes from this protocol
 */
public record RouteQuery(Optional<InetAddress> forAddress, Optional<String> protocol) {

    public RouteQuery {
        requireNonNull(forAddress, "forAddress is null");
        requireNonNull(protocol, "protocol is null");
    }

    public static RouteQuery everything() {
        return new RouteQuery(Optional.empty(), Optional.empty());
    }
}
