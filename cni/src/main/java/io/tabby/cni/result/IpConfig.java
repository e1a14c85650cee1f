package io.tabby.cni.result;

import static java.util.Objects.requireNonNull;

import io.tabby.cni.spec.IpLiteral;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One address in a result: CIDR text (e.g. {@code 10.0.0.5/32}), an optional gateway and the
 * index into the result's interfaces (IPAM plugins leave it out). The IP version is derived from
 * the address, so the 0.x {@code "version"} field can always be rendered and never contradicts it.
 */
public record IpConfig(String address, Optional<String> gateway, OptionalInt interfaceIndex) {
    public IpConfig {
        requireNonNull(address, "address is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(interfaceIndex, "interfaceIndex is null");
        int version = IpLiteral.cidrVersion(address).orElseThrow(
                () -> new IllegalArgumentException("address '" + address + "' is not CIDR text"));
        if (gateway.isPresent() && !IpLiteral.addressVersion(gateway.get()).equals(Optional.of(version))) {
            throw new IllegalArgumentException("gateway '" + gateway.get() + "' is not an IPv" + version + " address");
        }
        if (interfaceIndex.isPresent() && interfaceIndex.getAsInt() < 0) {
            throw new IllegalArgumentException("interface index must not be negative");
        }
    }

    /** 4 or 6. */
    public int version() {
        return IpLiteral.cidrVersion(address).orElseThrow();
    }
}
