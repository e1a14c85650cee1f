package io.tabby.bird.speaker;

import static io.tabby.bird.speaker.InteropSupport.WAIT;
import static io.tabby.bird.speaker.InteropSupport.best;
import static io.tabby.bird.speaker.InteropSupport.established;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.rib.Route;
import io.tabby.testkit.bgp.BirdPeer;
import io.tabby.testkit.bgp.NetnsLab;
import io.tabby.testkit.bgp.NetnsThreads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful restart (RFC 4724) against real BIRD 1.6, both roles: Tabby restarts and BIRD keeps its
 * routes meanwhile; BIRD is killed with SIGKILL and Tabby keeps BIRD's routes stale until BIRD is
 * back and has sent End-of-RIB.
 */
class GracefulRestartIT {
    private static final String GR = "graceful restart on; graceful restart time 60;";

    @TempDir
    Path dir;

    @BeforeEach
    void host() {
        InteropSupport.requireHost("apt-get install bird", "bird", "birdc");
    }

    @Test
    void birdKeepsTabbysRoutesWhileTabbyRestarts() throws Exception {
        try (NetnsLab lab = NetnsLab.create(1);
             BirdPeer bird = BirdPeer.start(lab.link(1).leafNamespace(), dir, "bird",
                     BirdInteropIT.birdConfig("10.201.1.2", "10.201.1.2", "10.201.1.1", "10.66.2.0/24", GR), false)) {
            String tabbyConfig = BirdInteropIT.tabbyConfig("10.201.1.1", "10.201.1.1", "10.201.1.2", "10.66.1.0/24",
                    "graceful restart;");
            BgpSpeaker first = InteropSupport.startTabby(lab.center(), tabbyConfig, RouterFamily.IPV4);
            try {
                await().atMost(WAIT).until(() -> established(first, "bird1") && bird.routes().contains("10.66.1.0/24"));
            } finally {
                first.closeForRestart();
            }
            await().atMost(WAIT).until(() -> !bird.established("tabby"));
            assertThat(bird.routes()).contains("10.66.1.0/24");

            try (BgpSpeaker second = BgpSpeaker.start(TestConfigs.parse(tabbyConfig, RouterFamily.IPV4),
                    SpeakerOptions.defaults().withIoThreadFactory(NetnsThreads.factory(lab.center(), "bgpn-io"))
                            .withRestartedLocally(true))) {
                await().atMost(WAIT).until(() -> established(second, "bird1") && bird.established("tabby"));
                assertThat(bird.routes()).contains("10.66.1.0/24");
                await().atMost(WAIT).until(() -> best(second, "10.66.2.0/24").isPresent());
            }
        }
    }

    @Test
    void tabbyKeepsBirdsRoutesStaleWhileBirdRestarts() throws Exception {
        try (NetnsLab lab = NetnsLab.create(1)) {
            String birdConfig = BirdInteropIT.birdConfig("10.201.1.2", "10.201.1.2", "10.201.1.1", "10.66.2.0/24", GR);
            String tabbyConfig = BirdInteropIT.tabbyConfig("10.201.1.1", "10.201.1.1", "10.201.1.2", "10.66.1.0/24",
                    "graceful restart;");
            try (BgpSpeaker tabby = InteropSupport.startTabby(lab.center(), tabbyConfig, RouterFamily.IPV4)) {
                try (BirdPeer bird = BirdPeer.start(lab.link(1).leafNamespace(), dir, "bird", birdConfig, false)) {
                    await().atMost(WAIT).until(() -> best(tabby, "10.66.2.0/24").isPresent());
                    bird.kill();
                }
                await().atMost(WAIT).until(() -> !established(tabby, "bird1"));
                Route kept = best(tabby, "10.66.2.0/24").orElseThrow();
                assertThat(kept.stale()).isTrue();

                try (BirdPeer again = BirdPeer.start(lab.link(1).leafNamespace(), dir, "bird-again", birdConfig, false,
                        List.of("-R"))) {
                    await().atMost(WAIT).until(() -> established(tabby, "bird1")
                            && best(tabby, "10.66.2.0/24").map(route -> !route.stale()).orElse(false));
                    assertThat(again.routes()).contains("10.66.1.0/24");
                }
            }
        }
    }
}
