package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.control.ConfigureOutcome;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.bird.speaker.SpeakerOptions;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.RecordingCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first node of a mesh: its first bird.cfg names no peer, confd adds them later, and
 * {@code configure} must then open the BGP port so the other nodes' sessions come up (as BIRD
 * does). Loopback only; no kernel protocol, so no {@code ip} command runs.
 */
class FirstPeersIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void peersAddedByConfigureAreAccepted(@TempDir Path dir) throws Exception {
        int portA = freePort();
        int portB = freePort();
        Path config = dir.resolve("bird.cfg");
        Files.writeString(config, """
                router id 127.0.0.3;
                listen bgp address 127.0.0.3 port %d;
                """.formatted(portA));
        BirdDaemon daemon = BirdDaemon.start(new DaemonSettings(config, dir.resolve("bird.ctl"), RouterFamily.IPV4,
                false, NetNs.root(), new RecordingCommandRunner(), Clock.systemUTC()));
        try (BgpSpeaker b = BgpSpeaker.start(new BirdConfigParser(file -> """
                router id 127.0.0.4;
                protocol bgp Mesh_127_0_0_3 {
                  local 127.0.0.4 as 64512;
                  neighbor 127.0.0.3 port %d as 64512;
                  connect delay time 1; connect retry time 1; error wait time 1,2;
                  import all; export all;
                }
                """.formatted(portA), RouterFamily.IPV4).parse(Path.of("b.cfg")),
                SpeakerOptions.defaults().withListen(new InetSocketAddress("127.0.0.4", portB)))) {
            assertThat(daemon.speaker().listenAddress()).isEmpty();

            // what confd writes once the second node has registered: the peer, passive on this side
            Files.writeString(config, """
                    router id 127.0.0.3;
                    listen bgp address 127.0.0.3 port %d;
                    protocol bgp Mesh_127_0_0_4 {
                      local 127.0.0.3 as 64512;
                      neighbor 127.0.0.4 port %d as 64512;
                      passive on;
                      import all; export all;
                    }
                    """.formatted(portA, portB));
            assertThat(daemon.configure(Optional.empty(), false)).isInstanceOf(ConfigureOutcome.Reconfigured.class);

            // each side reaches Established on the other's KEEPALIVE: wait for both
            await().atMost(WAIT).until(() -> daemon.speaker().peer("Mesh_127_0_0_4")
                    .map(PeerStatus::established).orElse(false)
                    && b.peer("Mesh_127_0_0_3").map(PeerStatus::established).orElse(false));
        } finally {
            daemon.close();
        }
    }

    @Test
    void peersAddedAfterEveryPeerWasRemovedAreAcceptedToo(@TempDir Path dir) throws Exception {
        int portA = freePort();
        int portB = freePort();
        Path config = dir.resolve("bird.cfg");
        String withPeer = """
                router id 127.0.0.3;
                listen bgp address 127.0.0.3 port %d;
                protocol bgp Mesh_127_0_0_4 {
                  local 127.0.0.3 as 64512;
                  neighbor 127.0.0.4 port %d as 64512;
                  passive on;
                  import all; export all;
                }
                """.formatted(portA, portB);
        Files.writeString(config, withPeer);
        BirdDaemon daemon = BirdDaemon.start(new DaemonSettings(config, dir.resolve("bird.ctl"), RouterFamily.IPV4,
                false, NetNs.root(), new RecordingCommandRunner(), Clock.systemUTC()));
        try {
            assertThat(daemon.speaker().listenAddress()).isPresent();
            // the mesh switched off: no protocol left, the speaker still listens
            Files.writeString(config, "router id 127.0.0.3;\nlisten bgp address 127.0.0.3 port %d;\n".formatted(portA));
            assertThat(daemon.configure(Optional.empty(), false)).isInstanceOf(ConfigureOutcome.Reconfigured.class);
            // the reflector's peers arrive
            Files.writeString(config, withPeer);
            assertThat(daemon.configure(Optional.empty(), false)).isInstanceOf(ConfigureOutcome.Reconfigured.class);
            try (BgpSpeaker b = BgpSpeaker.start(new BirdConfigParser(file -> """
                    router id 127.0.0.4;
                    protocol bgp Mesh_127_0_0_3 {
                      local 127.0.0.4 as 64512;
                      neighbor 127.0.0.3 port %d as 64512;
                      connect delay time 1; connect retry time 1; error wait time 1,2;
                      import all; export all;
                    }
                    """.formatted(portA), RouterFamily.IPV4).parse(Path.of("b.cfg")),
                    SpeakerOptions.defaults().withListen(new InetSocketAddress("127.0.0.4", portB)))) {
                await().atMost(WAIT).until(() -> daemon.speaker().peer("Mesh_127_0_0_4")
                        .map(PeerStatus::established).orElse(false)
                        && b.peer("Mesh_127_0_0_3").map(PeerStatus::established).orElse(false));
            }
        } finally {
            daemon.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
