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

    private static PeerStatus peer(SessionState state, boolean enabled, Optional<Instant> endOfRib) {
        return new PeerStatus("Mesh_10_0_0_2", InetAddress.ofLiteral("10.0.0.2"), 64512, enabled, state, T0,
                Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), endOfRib);
    }

    @Test
    void opensWhenEveryEnabledPeerHasSentEndOfRib() {
        SyncGate gate = new SyncGate(T0, Duration.ofSeconds(120));
        PeerStatus disabled = peer(SessionState.IDLE, false, Optional.empty());
        List<PeerStatus> connecting = List.of(peer(SessionState.ACTIVE, true, Optional.empty()), disabled);
        List<PeerStatus> upWithoutEor = List.of(peer(SessionState.ESTABLISHED, true, Optional.empty()),
                peer(SessionState.ESTABLISHED, true, Optional.of(T0.plusSeconds(3))), disabled);
        List<PeerStatus> allEor = List.of(peer(SessionState.ESTABLISHED, true, Optional.of(T0.plusSeconds(4))),
                peer(SessionState.ESTABLISHED, true, Optional.of(T0.plusSeconds(3))), disabled);

        assertThat(gate.shouldSync(T0.plusSeconds(2), connecting)).isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(30), upWithoutEor)).as("one table still arriving").isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(31), allEor)).isTrue();
        assertThat(gate.shouldSync(T0.plusSeconds(32), allEor)).as("once only").isFalse();
    }

    @Test
    void aPeerThatNeverSendsEndOfRibIsWaitedForUntilTheRestartTime() {
        SyncGate gate = new SyncGate(T0, Duration.ofSeconds(120));
        List<PeerStatus> silent = List.of(peer(SessionState.ESTABLISHED, true, Optional.empty()));

        assertThat(gate.shouldSync(T0.plusSeconds(119), silent)).isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(120), silent)).isTrue();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void opensAtTheRestartDeadlineWhenAPeerNeverReturns() {
        SyncGate gate = new SyncGate(T0, Duration.ofSeconds(120));
        List<PeerStatus> down = List.of(peer(SessionState.ACTIVE, true, Optional.empty()));

        assertThat(gate.shouldSync(T0.plusSeconds(119), down)).isFalse();
        assertThat(gate.shouldSync(T0.plusSeconds(120), down)).isTrue();
    }
}
