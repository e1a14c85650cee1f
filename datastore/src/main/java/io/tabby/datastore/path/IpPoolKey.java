package io.tabby.datastore.path;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpPool;

/**
 * {@code /calico/v1/ipam/v4|v6/pool/<cidr-dash>}.
 *
 * @param cidr the pool's network; its family picks {@code v4} or {@code v6}
 */
public record IpPoolKey(Cidr cidr) implements Key<IpPool> {
    public IpPoolKey {
        requireNonNull(cidr, "cidr is null");
    }
}
