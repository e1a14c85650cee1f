package io.tabby.bird.kernel;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.filter.FilterRoute;
import io.tabby.bird.filter.FilterValue;
import io.tabby.platform.net.IpPrefix;

/**
 * A route a local protocol originates ({@code static}, {@code direct}) or learns from the kernel,
 * before the engine ranks it against BGP routes by preference.
 *
 * @param protocol the protocol's name, e.g. {@code static1}
 * @param preference BIRD's default for the protocol: static 200, direct 240, kernel 10
 * @param route the destination and where it leads
 */
public record OriginRoute(String protocol, int preference, KernelRoute route) {

    public static final int STATIC_PREFERENCE = 200;
    public static final int DIRECT_PREFERENCE = 240;
    public static final int KERNEL_PREFERENCE = 10;

    public OriginRoute {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(route, "route is null");
        if (preference < 0 || preference > 65535) {
            throw new IllegalArgumentException("preference " + preference + " is outside 0..65535");
        }
    }

    /** The route as a filter sees it: {@code net}, {@code proto}, {@code preference}, {@code gw}, {@code ifname}. */
    public FilterRoute filterView() {
        IpPrefix destination = route.destination();
        FilterRoute view = FilterRoute.of(new NetPrefix(destination.address(), destination.length()), protocol)
                .with("preference", FilterValue.of(preference));
        if (route.gateway().isPresent()) {
            view = view.with("gw", FilterValue.of(route.gateway().get()));
        }
        if (route.device().isPresent()) {
            view = view.with("ifname", FilterValue.of(route.device().get()));
        }
        return view;
    }
}
