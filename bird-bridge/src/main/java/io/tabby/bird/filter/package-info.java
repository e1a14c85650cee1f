/**
 * Evaluates the filter language of the parsed BIRD configuration ({@code io.tabby.bird.config}
 * builds the AST, this package runs it). {@link io.tabby.bird.filter.RouteFilterEngine} is a pure
 * function: a {@link io.tabby.bird.filter.FilterRoute} (prefix, source protocol, attributes) and a
 * {@link io.tabby.bird.config.RoutePolicy} ({@code all}, {@code none}, {@code filter NAME},
 * {@code where EXPR}) in, a {@link io.tabby.bird.filter.FilterVerdict} out: accepted with the
 * attributes the filter set ({@code krt_tunnel}, {@code bgp_local_pref}, ...), or rejected with the
 * reason. {@link io.tabby.bird.filter.BgpRouteView} turns a RIB route (wire prefix, attribute set,
 * MP next hop) into the filter's view.
 *
 * <p>Semantics follow BIRD 1.6: {@code accept}/{@code reject} end the whole filter, also from
 * inside a function; a function that runs off its end returns to its caller; a filter that runs off
 * its end, reads an attribute the route does not have, or compares values of different types is a
 * runtime error, which BIRD logs and treats as a reject. {@code &&} and {@code ||} short-circuit, so
 * {@code defined(bgp_next_hop) && bgp_next_hop ~ 10.0.0.0/24} is safe on routes without a BGP next
 * hop. {@code ~} tests a prefix or address against a prefix (inside or equal) or a prefix set, and a
 * string against a shell pattern.
 */
package io.tabby.bird.filter;
