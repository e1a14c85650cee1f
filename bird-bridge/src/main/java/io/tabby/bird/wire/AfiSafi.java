package io.tabby.bird.wire;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/** One address family as negotiated and routed: an AFI/SAFI pair such as IPv4 unicast. */
public record AfiSafi(Afi afi, Safi safi) {
    public static final AfiSafi IPV4_UNICAST = new AfiSafi(Afi.IPV4, Safi.UNICAST);
    public static final AfiSafi IPV6_UNICAST = new AfiSafi(Afi.IPV6, Safi.UNICAST);

    public AfiSafi {
        requireNonNull(afi, "afi is null");
        requireNonNull(safi, "safi is null");
    }

    /** The family with these wire codes, if it is one we route. */
    public static Optional<AfiSafi> fromCodes(int afi, int safi) {
        return Afi.fromCode(afi).flatMap(a -> Safi.fromCode(safi).map(s -> new AfiSafi(a, s)));
    }

    @Override
    public String toString() {
        return afi.name().toLowerCase(Locale.ROOT) + "-" + safi.name().toLowerCase(Locale.ROOT);
    }
}
