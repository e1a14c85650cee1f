package io.tabby.bird.speaker;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.session.AddPathMode;
import io.tabby.bird.session.GracefulRestartMode;
import io.tabby.bird.session.SessionConfig;
import io.tabby.bird.session.SessionConfigBuilder;
import io.tabby.bird.wire.AfiSafi;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

/** Maps a {@code protocol bgp} block to the session's configuration, as BIRD 1.6 reads it. */
final class SessionConfigs {
    private SessionConfigs() {
    }

    /**
     * The session for {@code protocol}. Like BIRD 1.6 ({@code bird} and {@code bird6}), a session
     * carries the unicast family of its neighbour's address.
     *
     * @throws IllegalArgumentException naming the protocol when a value is out of range
     */
    static SessionConfig of(BgpProtocol protocol, int routerId) {
        try {
            SessionConfigBuilder builder = SessionConfig.builder(protocol.localAs(), routerId, protocol.neighbor(),
                            protocol.neighborAs())
                    .holdTime(Duration.ofSeconds(protocol.holdTimeSeconds()))
                    .connectDelay(Duration.ofSeconds(protocol.connectDelaySeconds()))
                    .connectRetry(Duration.ofSeconds(protocol.connectRetrySeconds()))
                    .errorWait(Duration.ofSeconds(protocol.errorWaitMinSeconds()),
                            Duration.ofSeconds(protocol.errorWaitMaxSeconds()))
                    .passive(protocol.passive())
                    .families(Set.of(family(protocol.neighbor())))
                    .gracefulRestart(gracefulRestart(protocol.gracefulRestart()),
                            Duration.ofSeconds(protocol.gracefulRestartTimeSeconds()))
                    .addPath(addPath(protocol.addPaths()));
            if (protocol.keepaliveTimeSeconds().isPresent()) {
                builder.keepaliveTime(Duration.ofSeconds(protocol.keepaliveTimeSeconds().getAsInt()));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("protocol " + protocol.name() + " (" + protocol.position() + "): "
                    + e.getMessage(), e);
        }
    }

    static AfiSafi family(InetAddress address) {
        return address instanceof Inet4Address ? AfiSafi.IPV4_UNICAST : AfiSafi.IPV6_UNICAST;
    }

    static AddPathMode addPath(BgpProtocol.AddPaths addPaths) {
        return switch (addPaths) {
            case OFF -> AddPathMode.OFF;
            case RX -> AddPathMode.RX;
            case TX -> AddPathMode.TX;
            case ON -> AddPathMode.BOTH;
        };
    }

    static GracefulRestartMode gracefulRestart(BgpProtocol.GracefulRestart mode) {
        return switch (mode) {
            case OFF -> GracefulRestartMode.OFF;
            case AWARE -> GracefulRestartMode.AWARE;
            case ON -> GracefulRestartMode.ON;
        };
    }

    /** An IPv4 address as the 32-bit int BGP identifiers use. */
    static int ipv4(InetAddress address) {
        byte[] b = address.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
    }

    /** A 32-bit BGP identifier as the dotted address it is printed as. */
    static InetAddress address(int id) {
        return InetAddress.ofLiteral((id >>> 24) + "." + (id >>> 16 & 0xff) + "." + (id >>> 8 & 0xff) + "." + (id & 0xff));
    }
}
