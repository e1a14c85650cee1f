package io.tabby.ctl.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.ctl.CtlException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BirdPeerParserTest {

    /** A raw reply of BIRD 1.6.8 (calico-facts §9.3), trailing spaces included. */
    private static final List<String> REPLY = List.of(
            "0001 BIRD 1.6.8 ready.",
            "2002-name     proto    table    state  since       info",
            "1002-static1  Static   master   up     20:10:56    ",
            " kernel1  Kernel   master   up     20:10:56    ",
            " Mesh_172_17_0_5 BGP      master   up     20:10:57    Established   ",
            " Global_100_100_100_100 BGP      master   start  20:10:57    Active        Socket: Connection refused",
            " Node_10_0_0_9 BGP      master   down   20:10:57    ",
            " bgp1     BGP      master   up     20:10:57    Established   ",
            "0000 ");

    @Test
    void keepsCalicoBgpRowsAndJoinsTheInfoColumns() {
        assertThat(BirdPeerParser.parse(REPLY, BirdPeerParser.Family.V4)).containsExactly(
                new BgpPeerStatus("172.17.0.5", "node-to-node mesh", "up", "20:10:57", "Established"),
                new BgpPeerStatus("100.100.100.100", "global", "start", "20:10:57", "Active Socket: Connection refused"));
    }

    @Test
    void ipv6NamesTurnBackIntoAddresses() {
        List<String> reply = List.of("2002-name     proto    table    state  since       info",
                "1002-Mesh_fd80_24e2_f998_72d6__2 BGP      master   up     20:10:57    Established   ", "0000 ");
        assertThat(BirdPeerParser.parse(reply, BirdPeerParser.Family.V6)).extracting(BgpPeerStatus::peerAddress)
                .containsExactly("fd80:24e2:f998:72d6::2");
    }

    @Test
    void refusesAnUnknownHeadingOrLine() {
        assertThatThrownBy(() -> BirdPeerParser.parse(List.of("2002-Name Proto Table"), BirdPeerParser.Family.V4))
                .isInstanceOf(CtlException.class).hasMessageContaining("unknown BIRD table output format");
        assertThatThrownBy(() -> BirdPeerParser.parse(List.of("9001 syntax error"), BirdPeerParser.Family.V4))
                .isInstanceOf(CtlException.class).hasMessageContaining("unexpected output line from BIRD: '9001 syntax error'");
    }
}
