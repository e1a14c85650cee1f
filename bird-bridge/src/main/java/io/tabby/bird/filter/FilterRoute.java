package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.NetPrefix;
import java.net.InetAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A route as a filter sees it: the network, the name of the protocol it came from (BIRD's
 * {@code proto}) and its other attributes by their filter names ({@code gw}, {@code from},
 * {@code preference}, {@code ifname}, {@code bgp_next_hop}, {@code bgp_local_pref},
 * {@code krt_tunnel}, ...). A missing attribute is what {@code defined()} tests for.
 *
 * @param net the destination
 * @param protocol the name of the protocol the route came from, e.g. {@code Mesh_10_0_0_2} or {@code static1}
 * @param attributes every other attribute; {@code net} and {@code proto} are not repeated here
 */
public record FilterRoute(NetPrefix net, String protocol, Map<String, FilterValue> attributes) {

    public FilterRoute {
        requireNonNull(net, "net is null");
        requireNonNull(protocol, "protocol is null");
        attributes = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
        if (attributes.containsKey("net") || attributes.containsKey("proto")) {
            throw new IllegalArgumentException("net and proto are record components, not attributes");
        }
    }

    public static FilterRoute of(NetPrefix net, String protocol) {
        return new FilterRoute(net, protocol, Map.of());
    }

    /** The same route with {@code name} set to {@code value}. */
    public FilterRoute with(String name, FilterValue value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        Map<String, FilterValue> copy = new TreeMap<>(attributes);
        copy.put(name, value);
        return new FilterRoute(net, protocol, copy);
    }

    public FilterRoute withBgpNextHop(InetAddress nextHop) {
        return with("bgp_next_hop", FilterValue.of(nextHop));
    }

    public Optional<FilterValue> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** {@code krt_tunnel} as set by the kernel filter, if it was set to a non-empty name. */
    public Optional<String> krtTunnel() {
        return attribute("krt_tunnel")
                .filter(FilterValue.Str.class::isInstance)
                .map(v -> ((FilterValue.Str) v).value())
                .filter(s -> !s.isEmpty());
    }
}
