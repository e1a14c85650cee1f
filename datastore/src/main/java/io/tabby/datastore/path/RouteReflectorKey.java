package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.RouteReflector;

/**
 * {@code /calico/bgp/v1/rr_v4|rr_v6/<ip>}: a route reflector registration.
 *
 * @param ip the reflector's address; its family picks {@code rr_v4} or {@code rr_v6}
 */
public record RouteReflectorKey(IpAddr ip) implements Key<RouteReflector> {
    public RouteReflectorKey {
        requireNonNull(ip, "ip is null");
    }
}
