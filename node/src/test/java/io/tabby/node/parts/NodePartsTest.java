package io.tabby.node.parts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.session.SessionState;
import io.tabby.bird.speaker.PeerStatus;
import io.tabby.datastore.syncer.SyncStatus;
import io.tabby.node.health.HealthChecks;
import io.tabby.node.health.HealthReport;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which readiness components a node plans, and what each part reports, without starting any. */
class NodePartsTest {

    @Test
    void everyPlannedPartIsAComponentThatStartsNotReady() {
        HealthChecks health = new HealthChecks();
        NodeParts parts = new NodeParts(PartsSettings.parse(Map.of(), "node-a"), "node-a", health);

        HealthReport report = health.readiness();

        assertThat(report.lines()).extracting(HealthReport.Line::component).containsExactly("felix", "confd", "bird");
        assertThat(report.text()).contains("felix").contains("starting");
        assertThat(report.passing()).isFalse();
        assertThat(parts.bgpSessionsByState()).isEmpty();
        assertThat(parts.routesByTable()).isEmpty();
    }

    @Test
    void onlyThePartsThatRunAreChecked() {
        HealthChecks vxlan = new HealthChecks();
        new NodeParts(PartsSettings.parse(Map.of("CALICO_NETWORKING_BACKEND", "vxlan"), "n"), "n", vxlan);
        HealthChecks none = new HealthChecks();
        new NodeParts(PartsSettings.parse(Map.of("CALICO_NETWORKING_BACKEND", "none", "TABBY_DISABLE_FELIX", "true"),
                "n"), "n", none);

        assertThat(vxlan.readiness().lines()).extracting(HealthReport.Line::component).containsExactly("felix");
        assertThat(none.readiness().lines()).isEmpty();
    }

    @Test
    void felixIsReadyOnlyInSyncAndAfterACompleteApply() {
        assertThat(FelixPart.notReady(SyncStatus.WAIT_FOR_DATASTORE, 0)).get().asString()
                .contains("waiting for the datastore");
        assertThat(FelixPart.notReady(SyncStatus.RESYNC, 5)).get().asString().contains("watch lost");
        assertThat(FelixPart.notReady(SyncStatus.IN_SYNC, 0)).get().asString().contains("first complete dataplane");
        assertThat(FelixPart.notReady(SyncStatus.IN_SYNC, 1)).isEmpty();
    }

    @Test
    void birdIsReadyWhileRunningWithItsControlSocket() {
        Path socket = Path.of("/run/n1/bird.ctl");
        assertThat(BirdPart.notReady(false, true, socket)).isEmpty();
        assertThat(BirdPart.notReady(false, false, socket)).get().asString().contains("/run/n1/bird.ctl");
        assertThat(BirdPart.notReady(true, true, socket)).contains("stopped");
    }

    @Test
    void sessionsAreCountedByStateInBirdsSpelling() throws Exception {
        List<PeerStatus> peers = List.of(peer("Mesh_10_0_0_2", SessionState.ESTABLISHED),
                peer("Mesh_10_0_0_3", SessionState.ESTABLISHED), peer("Mesh_10_0_0_4", SessionState.OPEN_SENT));

        assertThat(BirdPart.countByState(peers)).containsExactly(Map.entry("Established", 2L),
                Map.entry("OpenSent", 1L));
    }

    private static PeerStatus peer(String name, SessionState state) throws Exception {
        return new PeerStatus(name, InetAddress.getByName("10.0.0.2"), 64512, true, state, Instant.EPOCH,
                Optional.empty(), Optional.empty(), 0, 0, Optional.empty());
    }
}
