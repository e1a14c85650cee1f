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
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tabby against real BIRD 1.6 ({@code bird} and {@code bird6}) across a veth pair between two
 * network namespaces: iBGP sessions, routes both ways, withdrawals both ways, TCP-MD5.
 */
class BirdInteropIT {
    private static final String TIMERS = "connect delay time 1; connect retry time 1; error wait time 1,2; hold time 9;";

    @TempDir
    Path dir;

    @BeforeEach
    void host() {
        InteropSupport.requireHost("apt-get install bird", "bird", "bird6", "birdc", "birdc6");
    }

    @Test
    void ipv4RoutesAndWithdrawalsBothWays() throws Exception {
        try (NetnsLab lab = NetnsLab.create(1)) {
            NetnsLab.Link link = lab.link(1);
            String birdConfig = birdConfig("10.201.1.2", "10.201.1.2", "10.201.1.1", "10.66.2.0/24", "");
            try (BirdPeer bird = BirdPeer.start(link.leafNamespace(), dir, "bird4", birdConfig, false);
                 BgpSpeaker tabby = InteropSupport.startTabby(lab.center(),
                         tabbyConfig("10.201.1.1", "10.201.1.1", "10.201.1.2", "10.66.1.0/24", ""), RouterFamily.IPV4)) {
                await().atMost(WAIT).until(() -> established(tabby, "bird1") && bird.established("tabby"));

                await().atMost(WAIT).until(() -> bird.routes().contains("10.66.1.0/24"));
                await().atMost(WAIT).until(() -> best(tabby, "10.66.2.0/24").isPresent());
                Route learned = best(tabby, "10.66.2.0/24").orElseThrow();
                assertThat(learned.source().routerId()).isEqualTo(0x0ac90102);
                assertThat(bird.birdc("show route 10.66.1.0/24 all")).contains("BGP.next_hop: 10.201.1.1");

                tabby.withdrawOriginated(Prefixes.parse("10.66.1.0/24"));
                await().atMost(WAIT).until(() -> !bird.routes().contains("10.66.1.0/24"));

                bird.reconfigure(birdConfig.replace("route 10.66.2.0/24 blackhole;", ""));
                await().atMost(WAIT).until(() -> best(tabby, "10.66.2.0/24").isEmpty());
                assertThat(established(tabby, "bird1")).isTrue();
            }
        }
    }

    @Test
    void ipv6RoutesBothWaysWithBird6() throws Exception {
        try (NetnsLab lab = NetnsLab.create(1)) {
            NetnsLab.Link link = lab.link(1);
            String birdConfig = birdConfig("10.201.1.2", "fd00:201:1::2", "fd00:201:1::1", "fd00:66:2::/64", "");
            try (BirdPeer bird = BirdPeer.start(link.leafNamespace(), dir, "bird6", birdConfig, true);
                 BgpSpeaker tabby = InteropSupport.startTabby(lab.center(),
                         tabbyConfig("10.201.1.1", "fd00:201:1::1", "fd00:201:1::2", "fd00:66:1::/64", ""),
                         RouterFamily.IPV6)) {
                await().atMost(WAIT).until(() -> established(tabby, "bird1") && bird.established("tabby"));
                await().atMost(WAIT).until(() -> bird.routes().contains("fd00:66:1::/64"));
                await().atMost(WAIT).until(() -> best(tabby, "fd00:66:2::/64").isPresent());

                tabby.withdrawOriginated(Prefixes.parse("fd00:66:1::/64"));
                await().atMost(WAIT).until(() -> !bird.routes().contains("fd00:66:1::/64"));
            }
        }
    }

    @Test
    void md5RightPasswordEstablishesWrongPasswordNever() {
        try (NetnsLab lab = NetnsLab.create(2)) {
            String right = "password \"calico-s3cret\";";
            try (BirdPeer good = BirdPeer.start(lab.link(1).leafNamespace(), dir, "good",
                         birdConfig("10.201.1.2", "10.201.1.2", "10.201.1.1", "10.66.2.0/24", right), false);
                 BirdPeer bad = BirdPeer.start(lab.link(2).leafNamespace(), dir, "bad",
                         birdConfig("10.201.2.2", "10.201.2.2", "10.201.2.1", "10.66.3.0/24", "password \"other\";"), false);
                 BgpSpeaker tabby = InteropSupport.startTabby(lab.center(), """
                         router id 10.201.1.1;
                         protocol bgp bird1 { local 10.201.1.1 as 64512; neighbor 10.201.1.2 as 64512; direct;
                           import all; export all; %s %s }
                         protocol bgp bird2 { local 10.201.2.1 as 64512; neighbor 10.201.2.2 as 64512; direct;
                           import all; export all; %s %s }
                         """.formatted(TIMERS, right, TIMERS, right), RouterFamily.IPV4)) {
                await().atMost(WAIT).until(() -> established(tabby, "bird1") && good.established("tabby"));
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                        .until(() -> !tabby.peer("bird2").orElseThrow().state().openSent() && !bad.established("tabby"));
            }
        }
    }

    @Test
    void routeReflectorForTwoBirdClients() {
        try (NetnsLab lab = NetnsLab.create(2)) {
            try (BirdPeer one = BirdPeer.start(lab.link(1).leafNamespace(), dir, "client1",
                         birdConfig("10.201.1.2", "10.201.1.2", "10.201.1.1", "10.66.11.0/24", ""), false);
                 BirdPeer two = BirdPeer.start(lab.link(2).leafNamespace(), dir, "client2",
                         birdConfig("10.201.2.2", "10.201.2.2", "10.201.2.1", "10.66.12.0/24", ""), false);
                 BgpSpeaker tabby = InteropSupport.startTabby(lab.center(), """
                         router id 10.201.1.1;
                         protocol bgp client1 { local 10.201.1.1 as 64512; neighbor 10.201.1.2 as 64512; direct;
                           rr client; rr cluster id 1.1.1.1; next hop self; import all; export all; %s }
                         protocol bgp client2 { local 10.201.2.1 as 64512; neighbor 10.201.2.2 as 64512; direct;
                           rr client; rr cluster id 1.1.1.1; next hop self; import all; export all; %s }
                         """.formatted(TIMERS, TIMERS), RouterFamily.IPV4)) {
                await().atMost(WAIT).until(() -> one.routes().contains("10.66.12.0/24")
                        && two.routes().contains("10.66.11.0/24"));
                String reflected = one.birdc("show route 10.66.12.0/24 all");
                assertThat(reflected).contains("BGP.originator_id: 10.201.2.2").contains("BGP.cluster_list: 1.1.1.1")
                        .contains("BGP.next_hop: 10.201.1.1");
            }
        }
    }

    static String birdConfig(String routerId, String self, String neighbor, String route, String extra) {
        return """
                router id %s;
                protocol device { scan time 10; }
                protocol static { route %s blackhole; }
                protocol bgp tabby {
                  local %s as 64512;
                  neighbor %s as 64512;
                  direct;
                  import all;
                  export where source = RTS_STATIC;
                  %s
                  %s
                }
                """.formatted(routerId, route, self, neighbor, TIMERS, extra);
    }

    static String tabbyConfig(String routerId, String self, String neighbor, String route, String extra) {
        return """
                router id %s;
                protocol static { route %s blackhole; }
                protocol bgp bird1 {
                  local %s as 64512;
                  neighbor %s as 64512;
                  direct;
                  import all;
                  export all;
                  %s
                  %s
                }
                """.formatted(routerId, route, self, neighbor, TIMERS, extra);
    }
}
