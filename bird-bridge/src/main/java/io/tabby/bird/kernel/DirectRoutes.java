package io.tabby.bird.kernel;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.DirectProtocol;
import io.tabby.bird.config.InterfacePattern;
import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code protocol direct} (with {@code protocol device} watching the interfaces): one route per
 * address prefix of every interface that is up and matches the protocol's interface patterns. The
 * first matching pattern decides, a {@code -} pattern excludes; with no patterns every interface
 * counts. IPv6 link-local prefixes are left out, as BIRD does.
 */
public final class DirectRoutes {

    private final LinkOps links;
    private final AddrOps addresses;

    public DirectRoutes(LinkOps links, AddrOps addresses) {
        this.links = requireNonNull(links, "links is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
    }

    /** One scan of {@code namespace}; call it every {@code scan time} of the device protocol. */
    public List<OriginRoute> scan(DirectProtocol protocol, NetNs namespace, IpFamily family) {
        Set<String> up = new LinkedHashSet<>();
        for (Link link : links.list(namespace)) {
            if (link.up() && accepts(protocol.interfaces(), link.name())) {
                up.add(link.name());
            }
        }
        List<OriginRoute> routes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Address address : addresses.list(namespace, family)) {
            if (!up.contains(address.device()) || isLinkLocal(address)) {
                continue;
            }
            KernelRoute route = KernelRoute.device(address.prefix().network(), address.device());
            if (seen.add(route.destination() + " " + address.device())) {
                routes.add(new OriginRoute(protocol.name(), OriginRoute.DIRECT_PREFERENCE, route));
            }
        }
        return routes;
    }

    static boolean accepts(List<InterfacePattern> patterns, String name) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (InterfacePattern pattern : patterns) {
            if (glob(pattern.pattern()).matcher(name).matches()) {
                return !pattern.exclude();
            }
        }
        return false;
    }

    private static boolean isLinkLocal(Address address) {
        return address.prefix().address().isLinkLocalAddress();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
