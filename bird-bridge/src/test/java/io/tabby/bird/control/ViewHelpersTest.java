package io.tabby.bird.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabby.bird.config.FilterExpr;
import io.tabby.bird.config.RoutePolicy;
import io.tabby.bird.control.ProtocolView.ProtocolState;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The helpers the engine formats its views with, against the strings BIRD prints. */
class ViewHelpersTest {

    @Test
    void filterNames() {
        assertThat(ProtocolDetails.filterName(new RoutePolicy.All())).isEqualTo("ACCEPT");
        assertThat(ProtocolDetails.filterName(new RoutePolicy.None())).isEqualTo("REJECT");
        assertThat(ProtocolDetails.filterName(new RoutePolicy.Named("calico_export_to_bgp_peers")))
                .isEqualTo("calico_export_to_bgp_peers");
        assertThat(ProtocolDetails.filterName(new RoutePolicy.Where(new FilterExpr.BoolLiteral(true)))).isEqualTo("(unnamed)");
    }

    @Test
    void routeTrailers() {
        assertThat(RouteView.preferenceInfo(200)).isEqualTo("(200)");
        assertThat(RouteView.bgpInfo(100, OptionalLong.of(0), OptionalLong.empty(), 'i')).isEqualTo("(100/0) [i]");
        assertThat(RouteView.bgpInfo(100, OptionalLong.empty(), OptionalLong.of(65001), 'i')).isEqualTo("(100/?) [AS65001i]");
    }

    @Test
    void bgpInfoColumn() {
        assertThat(ProtocolView.bgpInfo(ProtocolState.UP, "Established", Optional.empty())).isEqualTo("Established   ");
        assertThat(ProtocolView.bgpInfo(ProtocolState.START, "Active", Optional.of("Socket: Connection refused")))
                .isEqualTo("Active        Socket: Connection refused");
        assertThat(ProtocolView.bgpInfo(ProtocolState.DOWN, "Down", Optional.of("Received: Hold timer expired")))
                .isEqualTo("Received: Hold timer expired");
    }
}
