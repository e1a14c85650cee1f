package io.tabby.bird.filter;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.config.NetPrefix;
import io.tabby.bird.wire.Bytes;
import io.tabby.bird.wire.Ipv4Prefix;
import io.tabby.bird.wire.Ipv6Prefix;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.AttributeSet;
import io.tabby.bird.wire.attr.LocalPref;
import io.tabby.bird.wire.attr.MultiExitDisc;
import io.tabby.bird.wire.attr.NextHop;
import io.tabby.bird.wire.attr.Origin;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A BGP route from the RIB (wire prefix, interned attribute set, MP next hop) as a filter sees it:
 * {@code bgp_next_hop}, {@code bgp_local_pref}, {@code bgp_med}, {@code bgp_origin} (0 IGP, 1 EGP,
 * 2 incomplete, BIRD's numbering), plus {@code from} when the peer address is known.
 */
public final class BgpRouteView {

    private BgpRouteView() {
    }

    /**
     * @param mpNextHop the MP_REACH_NLRI next hop (IPv6: the global address is the first 16 octets),
     *     empty for IPv4 routes, whose next hop is the NEXT_HOP attribute
     * @param peer the address of the peer the route came from
     */
    public static FilterRoute of(Prefix prefix, String protocol, AttributeSet attributes, Bytes mpNextHop, InetAddress peer) {
        requireNonNull(attributes, "attributes is null");
        requireNonNull(mpNextHop, "mpNextHop is null");
        requireNonNull(peer, "peer is null");
        Map<String, FilterValue> values = new HashMap<>();
        values.put("from", FilterValue.of(peer));
        attributes.get(NextHop.class).ifPresent(nh -> values.put("bgp_next_hop", FilterValue.of(ipv4(nh.address()))));
        if (mpNextHop.length() >= 16) {
            values.put("bgp_next_hop", FilterValue.of(address(Arrays.copyOf(mpNextHop.toArray(), 16))));
        }
        attributes.get(LocalPref.class).ifPresent(lp -> values.put("bgp_local_pref", FilterValue.of(lp.value())));
        attributes.get(MultiExitDisc.class).ifPresent(med -> values.put("bgp_med", FilterValue.of(med.value())));
        attributes.get(Origin.class).ifPresent(o -> values.put("bgp_origin", FilterValue.of(o.kind().ordinal())));
        return new FilterRoute(net(prefix), protocol, values);
    }

    /** A wire prefix as the configuration's prefix type. */
    public static NetPrefix net(Prefix prefix) {
        return switch (prefix) {
            case Ipv4Prefix v4 -> new NetPrefix(ipv4(v4.address()), v4.length());
            case Ipv6Prefix v6 -> new NetPrefix(address(ByteBuffer.allocate(16).putLong(v6.high()).putLong(v6.low()).array()),
                    v6.length());
        };
    }

    private static InetAddress ipv4(int address) {
        return address(ByteBuffer.allocate(4).putInt(address).array());
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + bytes.length + " octets", e);
        }
    }
}
