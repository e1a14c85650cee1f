package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.RouterFamily;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.testing.RecordingCommandRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IPv4 and the IPv6 daemon of one host listen on the same BGP port, as bird and bird6 do: the
 * IPv6 one binds its wildcard IPv6-only, so it does not collide with the IPv4 one's 0.0.0.0.
 * Loopback only; no kernel protocol, so no {@code ip} command runs.
 */
class BothFamiliesListenIT {

    @Test
    void ipv4AndIpv6DaemonsShareThePort(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path v4 = dir.resolve("bird.cfg");
        Path v6 = dir.resolve("bird6.cfg");
        Files.writeString(v4, """
                router id 127.0.0.5;
                listen bgp port %d;
                protocol bgp Mesh_127_0_0_6 {
                  local as 64512;
                  neighbor 127.0.0.6 as 64512;
                  passive on;
                  import all; export all;
                }
                """.formatted(port));
        Files.writeString(v6, """
                router id 127.0.0.5;
                listen bgp port %d;
                protocol bgp Mesh_fd00__6 {
                  local as 64512;
                  neighbor fd00::6 as 64512;
                  passive on;
                  import all; export all;
                }
                """.formatted(port));
        BirdDaemon ipv4 = BirdDaemon.start(settings(v4, dir.resolve("bird.ctl"), RouterFamily.IPV4));
        try {
            BirdDaemon ipv6 = BirdDaemon.start(settings(v6, dir.resolve("bird6.ctl"), RouterFamily.IPV6));
            try {
                assertThat(ipv4.speaker().listenAddress()).hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(port));
                assertThat(ipv6.speaker().listenAddress()).hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(port));
            } finally {
                ipv6.close();
            }
        } finally {
            ipv4.close();
        }
    }

    private static DaemonSettings settings(Path config, Path socket, RouterFamily family) {
        return new DaemonSettings(config, socket, family, false, NetNs.root(), new RecordingCommandRunner(),
                Clock.systemUTC());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
