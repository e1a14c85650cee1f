package io.tabby.ipam.impl;

import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.model.Quote;
import io.tabby.ipam.InvalidIpamRequestException;
import java.util.Map;

/**
 * Whether a pool's {@code node_selector} selects a node. Until Tabby's selector parser lands,
 * only the selectors that select every node are understood (none, blank, {@code all()}); any
 * other selector is refused with an error rather than guessed at, so that a pool meant for some
 * nodes never hands addresses to the wrong ones.
 */
final class PoolNodeSelector {

    private PoolNodeSelector() {}

    /**
     * True when {@code pool} selects a node with {@code labels}.
     *
     * @throws InvalidIpamRequestException when the selector cannot be evaluated
     */
    static boolean selects(IpPool pool, Map<String, String> labels) {
        String selector = pool.nodeSelector();
        if (selector == null || selector.isBlank() || selector.strip().equals("all()")) {
            return true;
        }
        throw new InvalidIpamRequestException("IP pool " + pool.cidr() + " has node selector " + Quote.of(selector)
                + ", which this Tabby version cannot evaluate yet (only all() is supported):"
                + " set the pool's nodeSelector to all() or disable the pool");
    }
}
