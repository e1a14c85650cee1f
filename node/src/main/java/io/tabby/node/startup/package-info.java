/**
 * Node start-up as calico/node does it before anything else runs: pick the node's IPv4/IPv6
 * addresses (given, or autodetected by {@code first-found}, {@code interface=}, {@code skip-interface=},
 * {@code can-reach=} or {@code cidr=}), write the node's keys in one compare-and-swap transaction,
 * create the default pools when none exist, set {@code /calico/v1/Ready}, allocate the tunnel
 * addresses pools need, and expand selector-based BGP peers into this node's own peer keys.
 */
package io.tabby.node.startup;
