package io.tabby.bird.speaker;

import static io.tabby.bird.wire.AfiSafi.IPV4_UNICAST;
import static io.tabby.bird.wire.AfiSafi.IPV6_UNICAST;
import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.session.SessionState;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerStatusCellTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static PeerStatusCell established() {
        PeerStatusCell cell = new PeerStatusCell("Mesh_10_0_0_2", InetAddress.ofLiteral("10.0.0.2"), 64512, T0);
        cell.awaitEndOfRib(Set.of(IPV4_UNICAST, IPV6_UNICAST));
        cell.state(SessionState.ESTABLISHED, T0.plusSeconds(1));
        return cell;
    }

    @Test
    void endOfRibIsReportedOnceEveryNegotiatedFamilyHasIt() {
        PeerStatusCell cell = established();
        assertThat(cell.snapshot().endOfRib()).isEmpty();

        cell.endOfRibApplied(IPV4_UNICAST, T0.plusSeconds(2));
        assertThat(cell.snapshot().synced()).isFalse();
        cell.endOfRibApplied(IPV6_UNICAST, T0.plusSeconds(3));

        assertThat(cell.snapshot().endOfRib()).contains(T0.plusSeconds(3));
        assertThat(cell.snapshot().synced()).isTrue();
    }

    @Test
    void aSessionGoingDownForgetsItsEndOfRib() {
        PeerStatusCell cell = established();
        cell.endOfRibApplied(IPV4_UNICAST, T0.plusSeconds(2));
        cell.endOfRibApplied(IPV6_UNICAST, T0.plusSeconds(2));

        cell.state(SessionState.IDLE, T0.plusSeconds(5));
        assertThat(cell.snapshot().endOfRib()).isEmpty();
        cell.endOfRibApplied(IPV4_UNICAST, T0.plusSeconds(6));
        assertThat(cell.snapshot().endOfRib()).as("a late mark of the old session").isEmpty();
    }
}
