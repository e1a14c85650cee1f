package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code route PREFIX blackhole|unreachable|prohibit|via ADDRESS;} in a static protocol.
 *
 * @param gateway the next hop, present exactly for {@link Kind#VIA}
 */
public record StaticRoute(NetPrefix prefix, Kind kind, Optional<InetAddress> gateway) {

    public enum Kind { BLACKHOLE, UNREACHABLE, PROHIBIT, VIA }

    public StaticRoute {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(gateway, "gateway is null");
        if (gateway.isPresent() != (kind == Kind.VIA)) {
            throw new IllegalArgumentException("a gateway goes with 'via' and only with it");
        }
    }
}
