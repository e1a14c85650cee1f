package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.testkit.bgp.BirdPeer;
import io.tabby.testkit.host.HostRequirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tabby-bird6 (bird6.cfg) against real bird6 over IPv6: routes both ways, proto bird in the IPv6 table. */
class TabbyBird6IT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MESH = "Mesh_fd00_202_1__2";

    private VethLab lab;
    private String id;
    private String tabbyNs;
    private String birdNs;
    private BirdPeer bird;
    private TabbyBirdProcess tabby;

    @TempDir
    Path dir;

    @BeforeEach
    void lab() {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("the daemon and BIRD run in network namespaces");
        host.requirePrograms("apt-get install iproute2 bird (BIRD 1.6 ships bird6 and birdc)", "ip", "bird6", "birdc");
        lab = VethLab.create("fd00:202:1::1/64", "fd00:202:1::2/64");
        id = lab.id;
        tabbyNs = lab.tabbyNs;
        birdNs = lab.birdNs;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (lab != null) {
            lab.closeAfter(tabby, bird);
        }
    }

    private static final String TABBY_CONFIG = """
            router id 10.202.1.1;
            filter calico_kernel_programming {
              if ( net ~ fd00:65::/32 ) then accept;
              reject;
            }
            filter calico_export_to_bgp_peers {
              if ( net ~ fd00:65::/32 ) then accept;
              reject;
            }
            protocol kernel {
              learn;
              persist;
              scan time 2;
              import all;
              export filter calico_kernel_programming;
              graceful restart;
            }
            protocol device {
              scan time 2;
            }
            protocol direct {
              interface -"cali*", "*";
            }
            protocol static {
              route fd00:65:1::/64 blackhole;
            }
            protocol bgp Mesh_fd00_202_1__2 {
              local as 64512;
              neighbor fd00:202:1::2 as 64512;
              source address fd00:202:1::1;
              import all;
              export filter calico_export_to_bgp_peers;
              graceful restart;
              connect delay time 1;
              connect retry time 1;
              error wait time 1,5;
            }
            """;

    private static final String BIRD_CONFIG = """
            router id 10.202.1.2;
            protocol device { scan time 2; }
            protocol kernel { import none; export none; }
            protocol static { route fd00:65:2::/64 blackhole; }
            protocol bgp tabby {
              local as 64512;
              neighbor fd00:202:1::1 as 64512;
              import all;
              export all;
              graceful restart;
              connect retry time 1;
              error wait time 1,5;
            }
            """;

    @Test
    void routesBothWaysOverIpv6() throws Exception {
        Path config = dir.resolve("bird6.cfg");
        Path socket = dir.resolve("tabby-bird6.ctl");
        Files.writeString(config, TABBY_CONFIG);
        bird = BirdPeer.start(birdNs, dir, "bird6", BIRD_CONFIG, true);
        tabby = TabbyBirdProcess.start("io.tabby.bird.Bird6Main", tabbyNs, config, socket, dir.resolve("tabby.log"), false);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(tabby.alive()).as("tabby-bird6 exited:\n%s", tabby.log()).isTrue();
            assertThat(Host.run("ip", "-n", tabbyNs, "-6", "route", "show"))
                    .as("tabby-bird6 log:%n%s", tabby.log())
                    .contains("fd00:65:2::/64 via fd00:202:1::2 dev " + id + "t proto bird")
                    .containsPattern("blackhole fd00:65:1::/64 .*proto bird");
            assertThat(bird.routes()).contains("fd00:65:1::/64");
        });
        String protocols = Host.run("birdc", "-s", socket.toString(), "show", "protocols");
        assertThat(protocols).contains(MESH).contains("Established");
    }
}
