package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.BirdConfigParser;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.rib.Route;
import io.tabby.bird.speaker.BgpSpeaker;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.bird.speaker.Prefixes;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BirdDaemon#closeForRestart()} against {@link BirdDaemon#close()}: a peer with graceful
 * restart keeps the daemon's route (stale) after the restart-style stop, and drops it after the Cease
 * of a plain stop. Loopback only; no kernel protocol, so no {@code ip} command runs.
 */
class RestartStopIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROUTE = "10.77.1.0/24";

    @TempDir
    Path dir;

    @Test
    void restartStopLeavesThePeerHoldingTheRoutes() throws Exception {
        try (Pair pair = Pair.start(dir)) {
            pair.awaitRoute();
            assertThat(pair.daemon.peers()).singleElement().satisfies(p -> assertThat(p.established()).isTrue());
            assertThat(pair.daemon.routesByTable(Duration.ofSeconds(5))).containsEntry("master", 1L);

            pair.daemon.closeForRestart();

            await().atMost(WAIT).until(() -> !pair.peer.peer("Mesh_127_0_0_3").orElseThrow().established());
            Route kept = pair.best().orElseThrow();
            assertThat(kept.stale()).isTrue();
            assertThat(pair.peer.peer("Mesh_127_0_0_3").orElseThrow().lastError().orElse(""))
                    .doesNotContain("Cease");
        }
    }

    @Test
    void plainStopWithdrawsTheRoutesWithCease() throws Exception {
        try (Pair pair = Pair.start(dir)) {
            pair.awaitRoute();

            pair.daemon.close();

            await().atMost(WAIT).until(() -> pair.best().isEmpty());
            assertThat(pair.peer.peer("Mesh_127_0_0_3").map(PeerStatus::established)).contains(false);
        }
    }

    /** The daemon under test (127.0.0.3, one static route) and a speaker peering with it (127.0.0.4). */
    private record Pair(BirdDaemon daemon, BgpSpeaker peer) implements AutoCloseable {
        static Pair start(Path dir) throws Exception {
            int portA = freePort();
            int portB = freePort();
            String timers = "connect delay time 1; connect retry time 1; error wait time 1,2; graceful restart;";
            Path config = dir.resolve("bird.cfg");
            Files.writeString(config, """
                    router id 127.0.0.3;
                    listen bgp address 127.0.0.3 port %d;
                    protocol static { route %s blackhole; }
                    protocol bgp Mesh_127_0_0_4 {
                      local 127.0.0.3 as 64512;
                      neighbor 127.0.0.4 port %d as 64512;
                      %s
                      import all; export all;
                    }
                    """.formatted(portA, ROUTE, portB, timers));
            BirdDaemon daemon = BirdDaemon.start(new DaemonSettings(config, dir.resolve("bird.ctl"),
                    RouterFamily.IPV4, false, NetNs.root(), new RecordingCommandRunner(), Clock.systemUTC()));
            try {
                BgpSpeaker peer = BgpSpeaker.start(new BirdConfigParser(file -> """
                        router id 127.0.0.4;
                        protocol bgp Mesh_127_0_0_3 {
                          local 127.0.0.4 as 64512;
                          neighbor 127.0.0.3 port %d as 64512;
                          %s
                          import all; export all;
                        }
                        """.formatted(portA, timers), RouterFamily.IPV4).parse(Path.of("b.cfg")),
                        SpeakerOptions.defaults().withListen(new InetSocketAddress("127.0.0.4", portB)));
                return new Pair(daemon, peer);
            } catch (RuntimeException e) {
                daemon.close();
                throw e;
            }
        }

        void awaitRoute() {
            await().atMost(WAIT).until(() -> best().isPresent());
        }

        Optional<Route> best() throws Exception {
            return peer.inspectRib(rib -> rib.bestPath(Prefixes.parse(ROUTE)).map(d -> d.best()))
                    .get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            try {
                daemon.close();
            } finally {
                peer.close();
            }
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
