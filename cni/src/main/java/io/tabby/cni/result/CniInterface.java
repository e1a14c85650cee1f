package io.tabby.cni.result;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One interface in a result. {@code sandbox} is the netns path for interfaces inside the
 * container and empty for host-side ones; {@code mtu} 0 means not reported (1.1.0 field).
 */
public record CniInterface(String name, Optional<String> mac, Optional<String> sandbox, int mtu) {
    public CniInterface {
        requireNonNull(name, "name is null");
        requireNonNull(mac, "mac is null");
        requireNonNull(sandbox, "sandbox is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("interface name is empty");
        }
        if (mtu < 0) {
            throw new IllegalArgumentException("mtu must not be negative, got " + mtu);
        }
    }
}
