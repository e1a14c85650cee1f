package io.tabby.node.bgpstatus;

import static java.util.Objects.requireNonNull;

import io.tabby.bird.session.SessionState;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.PeerStatus;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * bird-bridge's {@link PeerStatus} as published {@link BgpSession}s: only the {@code Mesh_},
 * {@code Global_} and {@code Node_} protocols calicoctl shows, with BIRD's state and info columns.
 */
public final class SpeakerSessions {

    private SpeakerSessions() {
    }

    /** The sessions of a running speaker, read at each call. */
    public static Supplier<List<BgpSession>> of(BgpSpeaker speaker) {
        requireNonNull(speaker, "speaker is null");
        return () -> fromPeers(speaker.peers());
    }

    public static List<BgpSession> fromPeers(List<PeerStatus> peers) {
        List<BgpSession> sessions = new ArrayList<>();
        for (PeerStatus peer : peers) {
            from(peer).ifPresent(sessions::add);
        }
        sessions.sort(Comparator.comparing(BgpSession::protocol));
        return List.copyOf(sessions);
    }

    /** Empty for a protocol whose name is not one of Calico's peer names. */
    public static Optional<BgpSession> from(PeerStatus peer) {
        Optional<PeerType> type = PeerType.ofProtocol(peer.name());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String lastError = peer.lastError().orElse("").strip();
        String state;
        String info;
        if (!peer.enabled()) {
            state = "down";
            info = lastError;
        } else {
            state = peer.established() ? "up" : "start";
            info = lastError.isEmpty() ? sessionName(peer.state()) : sessionName(peer.state()) + " " + lastError;
        }
        return Optional.of(new BgpSession(peer.name(), address(peer, type.get()), type.get(), state, peer.since(),
                singleSpaced(info), lastError));
    }

    /**
     * calicoctl's peer address: the protocol name after the prefix (without a {@code _port_N}
     * suffix), {@code _} read as {@code .} for IPv4 and {@code :} for IPv6.
     */
    static String address(PeerStatus peer, PeerType type) {
        String encoded = peer.name().substring(type.prefix().length());
        int port = encoded.indexOf("_port_");
        if (port >= 0) {
            encoded = encoded.substring(0, port);
        }
        return encoded.replace('_', peer.neighbor() instanceof Inet6Address ? ':' : '.');
    }

    /** BIRD's spelling of the session state in the info column. */
    public static String sessionName(SessionState state) {
        return switch (state) {
            case IDLE -> "Idle";
            case CONNECT -> "Connect";
            case ACTIVE -> "Active";
            case OPEN_SENT -> "OpenSent";
            case OPEN_CONFIRM -> "OpenConfirm";
            case ESTABLISHED -> "Established";
        };
    }

    private static String singleSpaced(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }
}
