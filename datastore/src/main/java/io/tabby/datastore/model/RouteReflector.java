package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A route reflector registration at {@code /calico/bgp/v1/rr_v4|rr_v6/<ip>}, as the v2.x
 * calico/routereflector image reads it: {@code {"ip":"10.0.0.9","cluster_id":"1.0.0.1"}}.
 *
 * @param ip {@code ip}
 * @param clusterId {@code cluster_id}; may be empty
 * @param unknown fields Tabby does not model
 */
public record RouteReflector(IpAddr ip, String clusterId, UnknownFields unknown) {

    public RouteReflector {
        requireNonNull(ip, "ip is null");
        requireNonNull(clusterId, "clusterId is null");
        requireNonNull(unknown, "unknown is null");
    }

    public RouteReflector(IpAddr ip, String clusterId) {
        this(ip, clusterId, UnknownFields.NONE);
    }
}
