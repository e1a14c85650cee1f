package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code protocol bgp}, with the options of its template (if any) applied first and its own on
 * top. Times are in seconds; unset ones carry BIRD 1.6's defaults.
 *
 * @param template the {@code from} template, kept for {@code show protocols all}
 * @param localAddress the optional address of {@code local ADDRESS as N}
 * @param multihop empty for a directly connected peer; present (0 = BIRD's default TTL of 64) for
 *     {@code multihop [N]}
 * @param gatewayRecursive {@code gateway recursive} (the default for multihop) versus {@code direct}
 * @param nextHop {@code next hop self|keep}, or the default
 * @param errorWaitMinSeconds first of {@code error wait time MIN,MAX}
 * @param rrClusterId {@code rr cluster id}; defaults to the router id when absent
 */
public record BgpProtocol(String name, SourcePosition position, Optional<String> description, Set<String> debug,
        Optional<String> template, Optional<InetAddress> localAddress, long localAs, InetAddress neighbor,
        int neighborPort, long neighborAs, OptionalInt multihop, boolean gatewayRecursive, RoutePolicy importPolicy,
        RoutePolicy exportPolicy, NextHop nextHop, AddPaths addPaths, GracefulRestart gracefulRestart,
        int gracefulRestartTimeSeconds, int connectDelaySeconds, int connectRetrySeconds, int errorWaitMinSeconds,
        int errorWaitMaxSeconds, int holdTimeSeconds, OptionalInt keepaliveTimeSeconds, boolean passive,
        Optional<String> password, Optional<InetAddress> sourceAddress, boolean rrClient,
        Optional<Inet4Address> rrClusterId) implements BirdProtocol {

    public enum NextHop { DEFAULT, SELF, KEEP }

    /** {@code add paths}: off, receive only, send only, or both ({@code on}). */
    public enum AddPaths { OFF, RX, TX, ON }

    /**
     * {@code graceful restart on|off|aware} (RFC 4724). BIRD's default is {@code aware}: keep a
     * restarting peer's routes; {@code on} also preserves our own forwarding state across our
     * restart ({@code bird -R}); {@code off} flushes a peer's routes as soon as its session drops.
     */
    public enum GracefulRestart { OFF, AWARE, ON }

    public BgpProtocol {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
        requireNonNull(description, "description is null");
        debug = Set.copyOf(debug);
        requireNonNull(template, "template is null");
        requireNonNull(localAddress, "localAddress is null");
        requireNonNull(neighbor, "neighbor is null");
        requireNonNull(multihop, "multihop is null");
        requireNonNull(importPolicy, "importPolicy is null");
        requireNonNull(exportPolicy, "exportPolicy is null");
        requireNonNull(nextHop, "nextHop is null");
        requireNonNull(addPaths, "addPaths is null");
        requireNonNull(gracefulRestart, "gracefulRestart is null");
        requireNonNull(keepaliveTimeSeconds, "keepaliveTimeSeconds is null");
        requireNonNull(password, "password is null");
        requireNonNull(sourceAddress, "sourceAddress is null");
        requireNonNull(rrClusterId, "rrClusterId is null");
        if (localAs < 1 || localAs > 0xffffffffL || neighborAs < 1 || neighborAs > 0xffffffffL) {
            throw new IllegalArgumentException("AS numbers are 1..4294967295");
        }
        if (neighborPort < 1 || neighborPort > 65535) {
            throw new IllegalArgumentException("neighbor port " + neighborPort + " is outside 1..65535");
        }
    }

    /** Whether the neighbour is in our AS. */
    public boolean internal() {
        return localAs == neighborAs;
    }
}
