package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.session.SessionState;
import io.tabby.bird.speaker.PeerStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncGateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static PeerStatus peer(SessionState state, Instant since, boolean enabled) {
        return new PeerStatus("Mesh_10_0_0_2", InetAddress.ofLiteral("10.0.0.2"), 64512, enabled, state, since,
                Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
    }

    @Test
    void waitsForEveryEnabledPeerThenAQuietSpell() {
        SyncGate gate = new SyncGate(T0, Duration.ofSeconds(120));
        List<PeerStatus> connecting = List.of(peer(SessionState.ACTIVE, T0, true));
        List<PeerStatus> up = List.of(peer(SessionState.ESTABLISHED, T0.plusSeconds(5), true),
                peer(SessionState.IDLE, T0, false));

        assertThat(gate.shouldSync(T0.plusSeconds(10), connecting, T0)).isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(6), up, T0.plusSeconds(6))).isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(9), up, T0.plusSeconds(6))).isTrue();
        assertThat(gate.shouldSync(T0.plusSeconds(10), up, T0.plusSeconds(6))).as("once only").isFalse();
    }

    @Test
    void opensAtTheRestartDeadlineWhenAPeerNeverReturns() {
        SyncGate gate = new SyncGate(T0, Duration.ofSeconds(120));
        List<PeerStatus> down = List.of(peer(SessionState.ACTIVE, T0, true));

        assertThat(gate.shouldSync(T0.plusSeconds(119), down, T0)).isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(120), down, T0)).isTrue();
        assertThat(gate.isOpen()).isTrue();
    }
}
