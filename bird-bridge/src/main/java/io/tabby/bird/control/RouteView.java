package io.tabby.bird.control;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.IpPrefix;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One route as {@code show route [all]} prints it.
 *
 * @param prefix the network, e.g. {@code 10.65.1.0/26}
 * @param via where it leads
 * @param protocol the name of the protocol it came from
 * @param since when it was last changed
 * @param from the address it was learned from, when that differs from the gateway
 * @param primary whether it is the best route for its network (shown as {@code *})
 * @param info the trailer: {@code (200)} for most protocols, {@code (100/0) [i]} or
 *     {@code (100/?) [AS65001i]} for BGP
 * @param type the {@code Type:} line of {@code show route all}, e.g. {@code static unicast univ}
 * @param attributes the extended attribute lines of {@code show route all}, e.g. {@code BGP.origin: IGP}
 */
public record RouteView(String prefix, Via via, String protocol, Instant since, Optional<InetAddress> from,
        boolean primary, String info, String type, List<String> attributes) {

    public RouteView {
        requireNonNull(prefix, "prefix is null");
        requireNonNull(via, "via is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(since, "since is null");
        requireNonNull(from, "from is null");
        requireNonNull(info, "info is null");
        requireNonNull(type, "type is null");
        attributes = List.copyOf(attributes);
    }

    /** The trailer of a non-BGP route: {@code (200)}. */
    public static String preferenceInfo(int preference) {
        return "(" + preference + ")";
    }

    /**
     * The trailer of a BGP route: {@code (100/0) [i]}, {@code (100/?) [AS65001i]}: preference, IGP
     * metric of the next hop ({@code ?} when unknown), then the origin AS (the last AS of the path,
     * absent for a route from our own AS) and the origin code {@code i}, {@code e} or {@code ?}.
     */
    public static String bgpInfo(int preference, java.util.OptionalLong igpMetric, java.util.OptionalLong originAs,
            char origin) {
        if (origin != 'i' && origin != 'e' && origin != '?') {
            throw new IllegalArgumentException("origin code '" + origin + "' is not one of i, e, ?");
        }
        String metric = igpMetric.isPresent() ? Long.toString(igpMetric.getAsLong()) : "?";
        String as = originAs.isPresent() ? "AS" + originAs.getAsLong() : "";
        return "(" + preference + "/" + metric + ") [" + as + origin + "]";
    }

    /** The via column. */
    public sealed interface Via {
        String render();

        record Gateway(InetAddress gateway, String device) implements Via {
            public Gateway {
                requireNonNull(gateway, "gateway is null");
                requireNonNull(device, "device is null");
            }

            @Override
            public String render() {
                return "via " + IpPrefix.format(gateway) + " on " + device;
            }
        }

        record Device(String device) implements Via {
            public Device {
                requireNonNull(device, "device is null");
            }

            @Override
            public String render() {
                return "dev " + device;
            }
        }

        record Blackhole() implements Via {
            @Override
            public String render() {
                return "blackhole";
            }
        }

        record Unreachable() implements Via {
            @Override
            public String render() {
                return "unreachable";
            }
        }

        record Prohibited() implements Via {
            @Override
            public String render() {
                return "prohibited";
            }
        }
    }
}
