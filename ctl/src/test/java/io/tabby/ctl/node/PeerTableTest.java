package io.tabby.ctl.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeerTableTest {

    @Test
    void calicoctlsTableForEstablishedPeers() {
        assertThat(PeerTable.render(List.of(
                new BgpPeerStatus("172.17.8.102", "node-to-node mesh", "up", "23:30:04", "Established")))).isEqualTo("""
                +--------------+-------------------+-------+----------+-------------+
                | PEER ADDRESS |     PEER TYPE     | STATE |  SINCE   |    INFO     |
                +--------------+-------------------+-------+----------+-------------+
                | 172.17.8.102 | node-to-node mesh | up    | 23:30:04 | Established |
                +--------------+-------------------+-------+----------+-------------+
                """);
    }

    @Test
    void aLongReasonWrapsAtThirtyColumnsAsTablewriterDoes() {
        assertThat(PeerTable.render(List.of(
                new BgpPeerStatus("10.0.0.2", "node-to-node mesh", "up", "09:03:06", "Established"),
                new BgpPeerStatus("10.0.0.3", "global", "start", "09:03:06", "Active Socket: Connection refused"))))
                .isEqualTo("""
                +--------------+-------------------+-------+----------+--------------------------------+
                | PEER ADDRESS |     PEER TYPE     | STATE |  SINCE   |              INFO              |
                +--------------+-------------------+-------+----------+--------------------------------+
                | 10.0.0.2     | node-to-node mesh | up    | 09:03:06 | Established                    |
                | 10.0.0.3     | global            | start | 09:03:06 | Active Socket: Connection      |
                |              |                   |       |          | refused                        |
                +--------------+-------------------+-------+----------+--------------------------------+
                """);
    }

    @Test
    void wrappingMinimisesRaggednessNotGreedily() {
        assertThat(PeerTable.wrap("Active Socket: Connection refused", 30)).containsExactly("Active Socket: Connection", "refused");
        assertThat(PeerTable.wrap("Idle Received: Hold timer expired", 30)).containsExactly("Idle Received: Hold timer", "expired");
        assertThat(PeerTable.wrap("short", 30)).containsExactly("short");
        assertThat(PeerTable.wrap("averyveryveryveryveryveryverylongword x", 30))
                .as("a word longer than the limit becomes the limit")
                .containsExactly("averyveryveryveryveryveryverylongword", "x");
    }
}
