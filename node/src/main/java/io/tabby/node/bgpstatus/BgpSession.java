package io.tabby.node.bgpstatus;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One BGP session of this node as published.
 *
 * @param protocol the BIRD protocol name, e.g. {@code Mesh_10_0_0_2}
 * @param peerAddress the peer's address as calicoctl prints it
 * @param peerType from the protocol name prefix
 * @param state BIRD's protocol state ({@code up}, {@code start}, {@code down}, ...)
 * @param since when {@code state} last changed
 * @param info BIRD's info column, single-spaced as calicoctl prints it ({@code Established},
 *     {@code Active Socket: Connection refused})
 * @param lastError why the last connection ended, empty when none ended with an error
 */
public record BgpSession(String protocol, String peerAddress, PeerType peerType, String state, Instant since,
        String info, String lastError) {

    public BgpSession {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(peerAddress, "peerAddress is null");
        requireNonNull(peerType, "peerType is null");
        requireNonNull(state, "state is null");
        requireNonNull(since, "since is null");
        requireNonNull(info, "info is null");
        requireNonNull(lastError, "lastError is null");
        if (protocol.isBlank() || peerAddress.isBlank() || state.isBlank()) {
            throw new IllegalArgumentException("a BGP session needs a protocol, peer address and state: " + protocol);
        }
    }
}
