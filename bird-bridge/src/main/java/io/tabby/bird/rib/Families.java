package io.tabby.bird.rib;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.Prefix;

/** The unicast family a prefix belongs to (the only SAFI this RIB routes). */
final class Families {
    private Families() {
    }

    static AfiSafi of(Prefix prefix) {
        return switch (prefix.afi()) {
            case IPV4 -> AfiSafi.IPV4_UNICAST;
            case IPV6 -> AfiSafi.IPV6_UNICAST;
        };
    }
}
