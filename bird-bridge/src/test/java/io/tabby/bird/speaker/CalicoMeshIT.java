package io.tabby.bird.speaker;

import static io.tabby.bird.speaker.InteropSupport.WAIT;
import static io.tabby.bird.speaker.InteropSupport.best;
import static io.tabby.bird.speaker.InteropSupport.established;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.RouterFamily;
import io.tabby.testkit.bgp.BirdPeer;
import io.tabby.testkit.bgp.NetnsLab;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-node Calico mesh: both nodes run the bird.cfg shape confd renders (template bgp_template
 * with multihop, gateway recursive, add paths on, graceful restart, source address, the pools
 * export filter; the lower address passive), one with real BIRD 1.6, one with Tabby. Each learns
 * the other's block; ADD-PATH is negotiated both ways. Timers are shortened from Calico's.
 */
class CalicoMeshIT {
    @TempDir
    Path dir;

    @BeforeEach
    void host() {
        InteropSupport.requireHost("apt-get install bird", "bird", "birdc");
    }

    @Test
    void tabbyAndBirdMeshWithCalicosTemplate() throws Exception {
        try (NetnsLab lab = NetnsLab.create(1);
             BirdPeer bird = BirdPeer.start(lab.link(1).leafNamespace(), dir, "node2",
                     node("10.201.1.2", "10.201.1.1", "10.65.2.0/26", false) + """
                             protocol device { scan time 2; }
                             protocol direct { interface -"cali*", "*"; }
                             """, false);
             BgpSpeaker tabby = InteropSupport.startTabby(lab.center(),
                     node("10.201.1.1", "10.201.1.2", "10.65.1.0/26", true), RouterFamily.IPV4)) {
            await().atMost(WAIT).until(() -> established(tabby, "Mesh_10_201_1_2")
                    && bird.established("Mesh_10_201_1_1"));

            await().atMost(WAIT).until(() -> bird.routes().contains("10.65.1.0/26")
                    && best(tabby, "10.65.2.0/26").isPresent());
            assertThat(bird.birdc("show route 10.65.1.0/26")).contains("via 10.201.1.1");
            assertThat(bird.birdc("show protocols all Mesh_10_201_1_1")).contains("add-path-rx").contains("add-path-tx");
            SessionDetails session = tabby.peer("Mesh_10_201_1_2").orElseThrow().session().orElseThrow();
            assertThat(session.addPathReceive()).containsExactly(io.tabby.bird.wire.AfiSafi.IPV4_UNICAST);
            assertThat(session.addPathSend()).containsExactly(io.tabby.bird.wire.AfiSafi.IPV4_UNICAST);
            assertThat(session.localAddress().getHostAddress()).isEqualTo("10.201.1.1");
            assertThat(session.fourOctetAs()).isTrue();
            assertThat(session.gracefulRestart()).isTrue();
            // The pools filter keeps the direct (interface) routes out; Tabby's hook lets its filter through.
            assertThat(best(tabby, "10.201.1.0/24")).isEmpty();
        }
    }

    /** bird.cfg as confd renders it for one node of a two-node mesh (calico-facts §3.1). */
    private static String node(String self, String peer, String block, boolean passive) {
        return """
                router id %s;
                protocol static { route %s blackhole; }
                filter calico_export_to_bgp_peers {
                  if ( net ~ 10.65.0.0/16 ) then { accept; }
                  reject;
                }
                template bgp bgp_template {
                  debug { states };
                  description "Connection to BGP peer";
                  local as 64512;
                  multihop;
                  gateway recursive;
                  import all;
                  export filter calico_export_to_bgp_peers;
                  add paths on;
                  graceful restart;
                  connect delay time 1;
                  connect retry time 1;
                  error wait time 1,2;
                }
                protocol bgp Mesh_%s from bgp_template {
                  neighbor %s as 64512;
                  source address %s;
                  %s
                }
                """.formatted(self, block, peer.replace('.', '_'), peer, self, passive ? "passive on;" : "");
    }
}
