package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code listen bgp [address ADDRESS] [port N];}: where incoming BGP connections are accepted.
 *
 * @param address the local address to bind, or empty for every address
 * @param port the TCP port, 179 unless given
 */
public record ListenBgp(Optional<InetAddress> address, int port) {

    public static final ListenBgp DEFAULT = new ListenBgp(Optional.empty(), 179);

    public ListenBgp {
        requireNonNull(address, "address is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
    }
}
