package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed BIRD configuration, includes spliced in and templates resolved into the protocols that
 * use them.
 *
 * @param routerId {@code router id}; BIRD otherwise picks an interface address
 * @param listen {@code listen bgp}, or {@link ListenBgp#DEFAULT}
 * @param logs the {@code log} statements in order
 * @param debugProtocols the classes of {@code debug protocols}, empty if not given
 * @param protocols the protocols in the order they were defined; names are unique
 * @param filters the {@code filter} definitions by name, in definition order
 * @param functions the {@code function} definitions by name, in definition order
 */
public record BirdConfig(Optional<Inet4Address> routerId, ListenBgp listen, List<LogTarget> logs, Set<String> debugProtocols,
        List<BirdProtocol> protocols, Map<String, FilterDefinition> filters, Map<String, FilterDefinition> functions) {

    public BirdConfig {
        requireNonNull(routerId, "routerId is null");
        requireNonNull(listen, "listen is null");
        logs = List.copyOf(logs);
        debugProtocols = Set.copyOf(debugProtocols);
        protocols = List.copyOf(protocols);
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /** The protocol called {@code name}. */
    public Optional<BirdProtocol> protocol(String name) {
        return protocols.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The BGP protocols in definition order. */
    public List<BgpProtocol> bgpProtocols() {
        return protocols.stream()
                .filter(BgpProtocol.class::isInstance)
                .map(BgpProtocol.class::cast)
                .toList();
    }
}
