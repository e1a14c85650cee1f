package io.tabby.ipam.impl;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.ipam.InvalidIpamRequestException;
import io.tabby.ipam.NoPoolsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which pools a request may take addresses from: enabled, selecting the node, and asked for. */
final class PoolSelection {

    /** Calico's default block prefix lengths. */
    static final int DEFAULT_V4_BLOCK = 26;
    static final int DEFAULT_V6_BLOCK = 122;

    private final IpamStore store;

    PoolSelection(IpamStore store) {
        this.store = store;
    }

    /**
     * The usable pools of {@code family} for {@code node}, restricted to {@code requested} when it is not empty.
     *
     * @throws NoPoolsException when none is usable
     * @throws InvalidIpamRequestException when a requested pool does not exist, is disabled or does not select the node
     */
    List<IpPool> usable(IpFamily family, List<Cidr> requested, String node) {
        List<IpPool> all = store.pools(family);
        Map<String, String> labels = store.nodeLabels(node);
        List<IpPool> usable = new ArrayList<>();
        if (requested.isEmpty()) {
            for (IpPool pool : all) {
                if (enabled(pool) && PoolNodeSelector.selects(pool, labels)) {
                    usable.add(pool);
                }
            }
        } else {
            for (Cidr cidr : requested) {
                IpPool pool = all.stream().filter(p -> p.cidr().equals(cidr)).findFirst()
                        .orElseThrow(() -> new InvalidIpamRequestException("requested IP pool " + cidr
                                + " does not exist: create it or remove it from the request's pool list"));
                if (!enabled(pool)) {
                    throw new InvalidIpamRequestException("requested IP pool " + cidr
                            + " is disabled: enable it or request another pool");
                }
                if (!PoolNodeSelector.selects(pool, labels)) {
                    throw new InvalidIpamRequestException("requested IP pool " + cidr + " does not select node "
                            + node + ": change the pool's nodeSelector or request another pool");
                }
                usable.add(pool);
            }
        }
        if (usable.isEmpty()) {
            throw new NoPoolsException(family, node);
        }
        return usable;
    }

    /** The CIDR of the {@code family} pool whose name or CIDR is {@code nameOrCidr}, if one exists. */
    Optional<Cidr> find(IpFamily family, String nameOrCidr) {
        Optional<Cidr> cidr = Optional.empty();
        if (nameOrCidr.indexOf('/') >= 0) {
            try {
                cidr = Optional.of(Cidr.parse(nameOrCidr));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        Optional<Cidr> wanted = cidr;
        return store.pools(family).stream()
                .filter(pool -> wanted.map(c -> c.equals(pool.cidr())).orElse(pool.name().equals(nameOrCidr)))
                .map(IpPool::cidr).findFirst();
    }

    /** The enabled pool holding {@code address}'s network, if any. */
    Optional<IpPool> enabledPoolHolding(Cidr address) {
        return store.pools(address.family()).stream()
                .filter(PoolSelection::enabled)
                .filter(pool -> pool.cidr().contains(address))
                .findFirst();
    }

    /** The prefix length of the pool's blocks: its {@code block_size}, else Calico's default. */
    static int blockPrefix(IpPool pool) {
        if (pool.blockSize() != null) {
            return pool.blockSize();
        }
        int fallback = pool.cidr().family() == IpFamily.V4 ? DEFAULT_V4_BLOCK : DEFAULT_V6_BLOCK;
        // A pool smaller than a default block is one block.
        return Math.max(fallback, pool.cidr().prefixLength());
    }

    static boolean enabled(IpPool pool) {
        return !pool.disabled() && pool.ipam();
    }
}
