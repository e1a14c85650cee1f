package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.RouterFamily;
import io.tabby.testkit.bgp.NetnsThreads;
import io.tabby.testkit.host.HostRequirements;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Calico-style full iBGP mesh of in-process speakers where both sides of every pair connect, so
 * every pair's connections collide (RFC 4271 §6.8). Each speaker lives on its own loopback address
 * in the namespace {@code bgpf-mesh}. The error wait is BIRD's default (60 s, longer than the
 * wait here), so a collision that costs a session its error wait, or an OPEN lost on an accepted
 * connection (5/1 and the error wait), fails the test. Every speaker must then hold every other
 * speaker's block, and have every peer's End-of-RIB.
 */
class FullMeshIT {
    private static final String NAMESPACE = "bgpf-mesh";
    private static final int SPEAKERS = 12;
    private static final Duration WAIT = Duration.ofSeconds(40);

    @BeforeEach
    void host() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("a BGP full mesh in a network namespace");
        host.requirePrograms("apt-get install iproute2", "ip");
    }

    @Test
    void everyPairComesUpThroughTheCollisionAndEveryRouteConverges() throws Exception {
        List<BgpSpeaker> speakers = new ArrayList<>();
        ip("netns", "add", NAMESPACE);
        try {
            ip("-n", NAMESPACE, "link", "set", "lo", "up");
            for (int i = 1; i <= SPEAKERS; i++) {
                ip("-n", NAMESPACE, "addr", "add", address(i) + "/32", "dev", "lo");
            }
            for (int i = 1; i <= SPEAKERS; i++) {
                speakers.add(BgpSpeaker.start(TestConfigs.parse(config(i), RouterFamily.IPV4), SpeakerOptions.defaults()
                        .withIoThreadFactory(NetnsThreads.factory(NAMESPACE, "bgpf-mesh" + i))));
            }
            for (int i = 1; i <= SPEAKERS; i++) {
                speakers.get(i - 1).originate(Prefixes.parse(block(i)));
            }

            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> speakers.stream()
                    .allMatch(s -> s.peers().size() == SPEAKERS - 1 && s.peers().stream().allMatch(PeerStatus::established)));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> converged(speakers));
            await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> speakers.stream()
                    .allMatch(s -> s.peers().stream().allMatch(PeerStatus::synced)));
            for (BgpSpeaker speaker : speakers) {
                assertThat(speaker.peers()).allSatisfy(peer -> assertThat(peer.lastError())
                        .as("%s: no session ended with an error", peer.name()).isEmpty());
            }
        } finally {
            List<CompletableFuture<Void>> closing = new ArrayList<>();
            for (BgpSpeaker speaker : speakers) {
                closing.add(CompletableFuture.runAsync(speaker::close));
            }
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            ip("netns", "del", NAMESPACE);
        }
    }

    private static boolean converged(List<BgpSpeaker> speakers) throws Exception {
        for (BgpSpeaker speaker : speakers) {
            for (int j = 1; j <= SPEAKERS; j++) {
                if (InteropSupport.best(speaker, block(j)).isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String address(int i) {
        return "10.97.0." + i;
    }

    private static String block(int i) {
        return "10.96." + i + ".0/26";
    }

    /** Speaker {@code i}'s bird.cfg: a protocol per other speaker, none passive (both sides connect). */
    private static String config(int i) {
        StringBuilder text = new StringBuilder("""
                router id %1$s;
                listen bgp address %1$s;
                template bgp mesh {
                  local %1$s as 64512;
                  source address %1$s;
                  import all;
                  export all;
                  graceful restart;
                  connect delay time 1;
                  connect retry time 2;
                }
                """.formatted(address(i)));
        for (int j = 1; j <= SPEAKERS; j++) {
            if (j != i) {
                text.append("protocol bgp Mesh_10_97_0_%d from mesh { neighbor %s as 64512; }\n".formatted(j, address(j)));
            }
        }
        return text.toString();
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }
}
