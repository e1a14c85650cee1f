package io.tabby.ctl.node;

import static java.util.Objects.requireNonNull;

/**
 * One BGP peer as calicoctl shows it.
 *
 * @param peerAddress from the protocol name, e.g. {@code 10.0.0.2} for {@code Mesh_10_0_0_2}
 * @param peerType {@code node-to-node mesh}, {@code global} or {@code node specific}
 * @param state BIRD's protocol state ({@code up}, {@code start}, ...)
 * @param since BIRD's since column
 * @param info the session state and, when the session is not up, the reason (e.g.
 *     {@code Active Socket: Connection refused})
 */
public record BgpPeerStatus(String peerAddress, String peerType, String state, String since, String info) {

    public BgpPeerStatus {
        requireNonNull(peerAddress, "peerAddress is null");
        requireNonNull(peerType, "peerType is null");
        requireNonNull(state, "state is null");
        requireNonNull(since, "since is null");
        requireNonNull(info, "info is null");
    }
}
