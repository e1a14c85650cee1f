package io.tabby.bird.rib;

/**
 * The interior cost of reaching a route's next hop (RFC 4271 §9.1.2.2 step e). Calico peers are
 * directly connected or reached through the kernel table, so the default is 0 for every route; a
 * later slice can plug in a lookup in the kernel's routes.
 */
@FunctionalInterface
public interface IgpMetric {
    IgpMetric ZERO = route -> 0;

    /** The cost to {@code route}'s next hop; lower is better. */
    long cost(Route route);
}
