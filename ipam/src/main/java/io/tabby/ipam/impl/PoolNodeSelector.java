package io.tabby.ipam.impl;

import io.tabby.datastore.model.IpPool;
import io.tabby.datastore.selector.Selector;
import io.tabby.datastore.selector.SelectorParseException;
import io.tabby.ipam.InvalidIpamRequestException;
import java.util.Map;

/**
 * Whether a pool's {@code node_selector} selects a node, by the node's labels (the
 * {@code labels} of {@code /calico/v1/host/<node>/metadata}). No selector, or a blank one,
 * selects every node, as {@code all()} does. A selector that does not parse is an error naming
 * the pool, never a silent "no" or "yes".
 */
final class PoolNodeSelector {

    private PoolNodeSelector() {}

    /**
     * True when {@code pool} selects a node with {@code labels}.
     *
     * @throws InvalidIpamRequestException when the pool's selector does not parse
     */
    static boolean selects(IpPool pool, Map<String, String> labels) {
        String text = pool.nodeSelector();
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            return Selector.parse(text).matches(labels);
        } catch (SelectorParseException e) {
            throw new InvalidIpamRequestException("IP pool " + pool.cidr() + " has a node selector that does not parse: "
                    + e.getMessage() + "; fix the pool's nodeSelector (tabbyctl apply -f ippool.yaml)");
        }
    }
}
