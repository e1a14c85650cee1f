package io.tabby.node.bgpstatus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.session.SessionState;
import io.tabby.bird.speaker.PeerStatus;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpeakerSessionsTest {

    private static final Instant SINCE = Instant.parse("2026-11-22T23:30:04Z");

    private static PeerStatus peer(String name, String neighbor, boolean enabled, SessionState state,
            Optional<String> lastError) throws Exception {
        return new PeerStatus(name, InetAddress.getByName(neighbor), 64512, enabled, state, SINCE, lastError,
                Optional.empty(), 0, 0, Optional.empty());
    }

    @Test
    void calicoPeersBecomeSessionsAsCalicoctlNamesThem() throws Exception {
        List<BgpSession> sessions = SpeakerSessions.fromPeers(List.of(
                peer("kernel1", "0.0.0.0", true, SessionState.IDLE, Optional.empty()),
                peer("Node_10_0_0_9", "10.0.0.9", true, SessionState.ACTIVE,
                        Optional.of("Socket:  Connection refused")),
                peer("Mesh_10_0_0_2", "10.0.0.2", true, SessionState.ESTABLISHED, Optional.empty()),
                peer("Global_fd00__1_port_1790", "fd00::1", false, SessionState.IDLE, Optional.empty())));

        assertThat(sessions).containsExactly(
                new BgpSession("Global_fd00__1_port_1790", "fd00::1", PeerType.GLOBAL, "down", SINCE, "", ""),
                new BgpSession("Mesh_10_0_0_2", "10.0.0.2", PeerType.MESH, "up", SINCE, "Established", ""),
                new BgpSession("Node_10_0_0_9", "10.0.0.9", PeerType.NODE, "start", SINCE,
                        "Active Socket: Connection refused", "Socket:  Connection refused"));
    }

    @Test
    void everySessionStateHasBirdsSpelling() {
        assertThat(List.of(SessionState.values()).stream().map(SpeakerSessions::sessionName))
                .containsExactly("Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "Established");
    }

    @Test
    void sessionsAreCountedByFsmState() throws Exception {
        List<BgpSession> sessions = SpeakerSessions.fromPeers(List.of(
                peer("Mesh_10_0_0_2", "10.0.0.2", true, SessionState.ESTABLISHED, Optional.empty()),
                peer("Mesh_10_0_0_3", "10.0.0.3", true, SessionState.ESTABLISHED, Optional.empty()),
                peer("Node_10_0_0_9", "10.0.0.9", true, SessionState.ACTIVE, Optional.of("Socket: refused")),
                peer("Global_10_0_0_8", "10.0.0.8", false, SessionState.IDLE, Optional.empty())));

        assertThat(SessionStates.count(sessions)).containsExactly(java.util.Map.entry("Active", 1L),
                java.util.Map.entry("Down", 1L), java.util.Map.entry("Established", 2L));
    }
}
