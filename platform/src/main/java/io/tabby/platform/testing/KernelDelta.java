package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.NetNs;

/**
 * One change the {@link FakeKernel} applied, e.g. {@code (netns n1, "route replace", "Route[...]")}.
 *
 * @param ns        where
 * @param operation what, in iproute2-like words ({@code link add}, {@code addr del}, {@code iptables restore})
 * @param subject   the object changed, as its {@code toString()} or the payload
 */
public record KernelDelta(NetNs ns, String operation, String subject) {

    public KernelDelta {
        requireNonNull(ns, "ns is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(subject, "subject is null");
    }
}
