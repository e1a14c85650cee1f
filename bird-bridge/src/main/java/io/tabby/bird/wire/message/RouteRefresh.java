package io.tabby.bird.wire.message;

import io.tabby.bird.wire.AfiSafi;
import java.util.Optional;

/**
 * ROUTE-REFRESH (RFC 2918 §3): asks the peer to resend its Adj-RIB-Out for one family. The codes
 * are kept raw because a request for a family we do not route is ignored, not an error. The octet
 * between AFI and SAFI is reserved in RFC 2918 and a subtype in RFC 7313 (0 normal, 1 BoRR, 2 EoRR).
 * <pre>
 * +---------+--------------+----------+
 * | AFI (2) | Reserved (1) | SAFI (1) |
 * +---------+--------------+----------+
 * </pre>
 */
public record RouteRefresh(int afi, int subtype, int safi) implements BgpMessage {
    public RouteRefresh {
        if (afi < 0 || afi > 0xffff || subtype < 0 || subtype > 0xff || safi < 0 || safi > 0xff) {
            throw new IllegalArgumentException("ROUTE-REFRESH afi " + afi + "/subtype " + subtype + "/safi " + safi
                    + " out of range");
        }
    }

    public static RouteRefresh of(AfiSafi family) {
        return new RouteRefresh(family.afi().code(), 0, family.safi().code());
    }

    /** The requested family, if we route it. */
    public Optional<AfiSafi> family() {
        return AfiSafi.fromCodes(afi, safi);
    }

    @Override
    public int typeCode() {
        return ROUTE_REFRESH;
    }
}
