package io.tabby.bird.wire.codec;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.wire.AfiSafi;
import io.tabby.bird.wire.message.Capability;
import io.tabby.bird.wire.message.Open;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The codec options of both directions of a session, derived from the two OPENs: a feature is on
 * only when both sides advertised it (RFC 5492 §3). ADD-PATH is per family and direction
 * (RFC 7911 §5): path identifiers arrive when we offered to receive and the peer offered to send,
 * and go out when we offered to send and the peer offered to receive.
 */
public record NegotiatedOptions(SessionOptions receive, SessionOptions send) {
    public NegotiatedOptions {
        requireNonNull(receive, "receive is null");
        requireNonNull(send, "send is null");
    }

    public static NegotiatedOptions of(Open local, Open remote) {
        requireNonNull(local, "local is null");
        requireNonNull(remote, "remote is null");
        boolean fourOctetAs = local.capability(Capability.FourOctetAs.class).isPresent()
                && remote.capability(Capability.FourOctetAs.class).isPresent();
        boolean extended = local.capability(Capability.ExtendedMessage.class).isPresent()
                && remote.capability(Capability.ExtendedMessage.class).isPresent();
        boolean external = local.peerAs() != remote.peerAs();
        Set<AfiSafi> receive = new HashSet<>();
        Set<AfiSafi> send = new HashSet<>();
        for (Capability.AddPath.Family ours : addPathFamilies(local)) {
            for (Capability.AddPath.Family theirs : addPathFamilies(remote)) {
                Optional<AfiSafi> family = AfiSafi.fromCodes(ours.afi(), ours.safi());
                if (family.isEmpty() || ours.afi() != theirs.afi() || ours.safi() != theirs.safi()) {
                    continue;
                }
                if (ours.canReceive() && theirs.canSend()) {
                    receive.add(family.get());
                }
                if (ours.canSend() && theirs.canReceive()) {
                    send.add(family.get());
                }
            }
        }
        return new NegotiatedOptions(
                new SessionOptions(fourOctetAs, receive, extended, external),
                new SessionOptions(fourOctetAs, send, extended, external));
    }

    private static List<Capability.AddPath.Family> addPathFamilies(Open open) {
        return open.capability(Capability.AddPath.class).map(Capability.AddPath::families).orElse(List.of());
    }
}
