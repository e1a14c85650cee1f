package io.tabby.bird.kernel;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.KernelProtocol;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.RouteProtocols;
import io.tabby.platform.net.RouteTables;

/**
 * How the kernel protocol runs.
 *
 * @param namespace where the table is
 * @param family the daemon's family (BIRD 1.6 runs one per family)
 * @param table the kernel table, {@link RouteTables#MAIN} unless {@code kernel table N}
 * @param protocol the ownership mark, {@link RouteProtocols#BIRD} (12): {@code proto bird}
 * @param learn report routes others put in the table
 * @param persist leave the routes in the kernel at shutdown
 */
public record KernelSettings(NetNs namespace, IpFamily family, int table, int protocol, boolean learn, boolean persist) {

    public KernelSettings {
        requireNonNull(namespace, "namespace is null");
        requireNonNull(family, "family is null");
        RouteTables.check(table);
        RouteProtocols.check(protocol);
    }

    /** The settings a parsed {@code protocol kernel} block asks for. */
    public static KernelSettings of(KernelProtocol config, NetNs namespace, IpFamily family) {
        int table = (int) config.kernelTable().orElse(RouteTables.MAIN);
        return new KernelSettings(namespace, family, table, RouteProtocols.BIRD, config.learn(), config.persist());
    }
}
