package io.tabby.platform.net;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * Which routes to list: one family, one table (or {@link RouteTables#ALL}), optionally one
 * protocol number.
 */
public record RouteFilter(IpFamily family, int table, OptionalInt protocol) {

    public RouteFilter {
        requireNonNull(family, "family is null");
        requireNonNull(protocol, "protocol is null");
        if (table != RouteTables.ALL) {
            RouteTables.check(table);
        }
        protocol.ifPresent(RouteProtocols::check);
    }

    /** Routes of {@code family} with {@code protocol} in {@code table}: what an owner reconciles. */
    public static RouteFilter owned(IpFamily family, int table, int protocol) {
        return new RouteFilter(family, table, OptionalInt.of(protocol));
    }

    /** Every route of {@code family} in {@code table}. */
    public static RouteFilter table(IpFamily family, int table) {
        return new RouteFilter(family, table, OptionalInt.empty());
    }

    public boolean matches(Route route) {
        return route.family() == family
                && (table == RouteTables.ALL || route.table() == table)
                && (protocol.isEmpty() || route.protocol() == protocol.getAsInt());
    }
}
