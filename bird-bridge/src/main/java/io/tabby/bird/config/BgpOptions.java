package io.tabby.bird.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The options of a {@code template bgp} or {@code protocol bgp} block while it is parsed: what was
 * set, nothing defaulted yet. A protocol {@code from} a template starts with a copy of the
 * template's options.
 */
final class BgpOptions {

    Optional<String> description = Optional.empty();
    Optional<Set<String>> debug = Optional.empty();
    Optional<InetAddress> localAddress = Optional.empty();
    OptionalLong localAs = OptionalLong.empty();
    Optional<InetAddress> neighbor = Optional.empty();
    OptionalInt neighborPort = OptionalInt.empty();
    OptionalLong neighborAs = OptionalLong.empty();
    OptionalInt multihop = OptionalInt.empty();
    Optional<Boolean> gatewayRecursive = Optional.empty();
    Optional<RoutePolicy> importPolicy = Optional.empty();
    Optional<RoutePolicy> exportPolicy = Optional.empty();
    BgpProtocol.NextHop nextHop = BgpProtocol.NextHop.DEFAULT;
    BgpProtocol.AddPaths addPaths = BgpProtocol.AddPaths.OFF;
    BgpProtocol.GracefulRestart gracefulRestart = BgpProtocol.GracefulRestart.AWARE;
    OptionalInt gracefulRestartTime = OptionalInt.empty();
    OptionalInt connectDelay = OptionalInt.empty();
    OptionalInt connectRetry = OptionalInt.empty();
    OptionalInt errorWaitMin = OptionalInt.empty();
    OptionalInt errorWaitMax = OptionalInt.empty();
    OptionalInt holdTime = OptionalInt.empty();
    OptionalInt keepaliveTime = OptionalInt.empty();
    boolean passive;
    Optional<String> password = Optional.empty();
    Optional<InetAddress> sourceAddress = Optional.empty();
    boolean rrClient;
    Optional<Inet4Address> rrClusterId = Optional.empty();

    BgpOptions copy() {
        BgpOptions c = new BgpOptions();
        c.description = description;
        c.debug = debug;
        c.localAddress = localAddress;
        c.localAs = localAs;
        c.neighbor = neighbor;
        c.neighborPort = neighborPort;
        c.neighborAs = neighborAs;
        c.multihop = multihop;
        c.gatewayRecursive = gatewayRecursive;
        c.importPolicy = importPolicy;
        c.exportPolicy = exportPolicy;
        c.nextHop = nextHop;
        c.addPaths = addPaths;
        c.gracefulRestart = gracefulRestart;
        c.gracefulRestartTime = gracefulRestartTime;
        c.connectDelay = connectDelay;
        c.connectRetry = connectRetry;
        c.errorWaitMin = errorWaitMin;
        c.errorWaitMax = errorWaitMax;
        c.holdTime = holdTime;
        c.keepaliveTime = keepaliveTime;
        c.passive = passive;
        c.password = password;
        c.sourceAddress = sourceAddress;
        c.rrClient = rrClient;
        c.rrClusterId = rrClusterId;
        return c;
    }

    /**
     * The finished protocol, with BIRD 1.6's defaults (connect delay 5, connect retry 120, error
     * wait 60..300, hold 240, graceful restart time 120, port 179, import all, export none).
     */
    BgpProtocol build(String name, SourcePosition position, Optional<String> template) throws BirdConfigException {
        if (localAs.isEmpty()) {
            throw new BirdConfigException(position, "protocol bgp " + name + " has no 'local as': add 'local as N;'");
        }
        if (neighbor.isEmpty() || neighborAs.isEmpty()) {
            throw new BirdConfigException(position,
                    "protocol bgp " + name + " has no 'neighbor ADDRESS as N': add it");
        }
        if (multihop.isPresent() && gatewayRecursive.equals(Optional.of(false))) {
            throw new BirdConfigException(position, "protocol bgp " + name
                    + ": a multihop session cannot use 'gateway direct'; use 'gateway recursive'");
        }
        if (rrClient && localAs.getAsLong() != neighborAs.getAsLong()) {
            throw new BirdConfigException(position, "protocol bgp " + name
                    + ": only an internal neighbor (same AS) can be an rr client");
        }
        return new BgpProtocol(name, position, description, debug.orElse(Set.of()), template, localAddress,
                localAs.getAsLong(), neighbor.get(), neighborPort.orElse(179), neighborAs.getAsLong(), multihop,
                gatewayRecursive.orElse(multihop.isPresent()), importPolicy.orElse(new RoutePolicy.All()),
                exportPolicy.orElse(new RoutePolicy.None()), nextHop, addPaths, gracefulRestart,
                gracefulRestartTime.orElse(120), connectDelay.orElse(5), connectRetry.orElse(120),
                errorWaitMin.orElse(60), errorWaitMax.orElse(300), holdTime.orElse(240), keepaliveTime, passive,
                password, sourceAddress, rrClient, rrClusterId);
    }
}
