package io.tabby.datastore.model;

import static java.util.Objects.requireNonNull;

/**
 * A floating IP of a workload endpoint ({@code ipv4_nat} / {@code ipv6_nat} entries):
 * {@code {"int_ip":"...","ext_ip":"..."}}.
 *
 * @param internalIp {@code int_ip}: one of the endpoint's own addresses
 * @param externalIp {@code ext_ip}: the address it is reachable at
 * @param unknown fields Tabby does not model
 */
public record IpNat(IpAddr internalIp, IpAddr externalIp, UnknownFields unknown) {

    public IpNat {
        requireNonNull(internalIp, "internalIp is null");
        requireNonNull(externalIp, "externalIp is null");
        requireNonNull(unknown, "unknown is null");
    }

    public IpNat(IpAddr internalIp, IpAddr externalIp) {
        this(internalIp, externalIp, UnknownFields.NONE);
    }
}
