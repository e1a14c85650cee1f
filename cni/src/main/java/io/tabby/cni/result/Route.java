package io.tabby.cni.result;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.IpLiteral;
import java.util.Optional;

/** One route in a result: destination CIDR and optional next hop. */
public record Route(String dst, Optional<String> gw) {
    public Route {
        requireNonNull(dst, "dst is null");
        requireNonNull(gw, "gw is null");
        if (IpLiteral.cidrVersion(dst).isEmpty()) {
            throw new IllegalArgumentException("route dst '" + dst + "' is not CIDR text");
        }
        if (gw.isPresent() && IpLiteral.addressVersion(gw.get()).isEmpty()) {
            throw new IllegalArgumentException("route gw '" + gw.get() + "' is not an IP address");
        }
    }
}
