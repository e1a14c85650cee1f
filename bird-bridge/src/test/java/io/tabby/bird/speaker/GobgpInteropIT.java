package io.tabby.bird.speaker;

import static io.tabby.bird.speaker.InteropSupport.WAIT;
import static io.tabby.bird.speaker.InteropSupport.best;
import static io.tabby.bird.speaker.InteropSupport.established;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.rib.Route;
import io.tabby.bird.wire.attr.AsPath;
import io.tabby.testkit.bgp.GobgpPeer;
import io.tabby.testkit.bgp.NetnsLab;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tabby against real GoBGP ({@code gobgpd}) over eBGP between two network namespaces: an IPv4 and
 * an IPv6 session (two Tabby speakers, as bird and bird6), routes and withdrawals both ways, and
 * TCP-MD5 with the right and a wrong password.
 */
class GobgpInteropIT {
    private static final String TIMERS = "connect delay time 1; connect retry time 1; error wait time 1,2; hold time 9;";

    @TempDir
    Path dir;

    @BeforeEach
    void host() {
        InteropSupport.requireHost("apt-get install gobgpd", "gobgpd", "gobgp");
    }

    @Test
    void ipv4AndIpv6RoutesAndWithdrawalsBothWays() throws Exception {
        try (NetnsLab lab = NetnsLab.create(1)) {
            NetnsLab.Link link = lab.link(1);
            try (GobgpPeer gobgp = GobgpPeer.start(link.leafNamespace(), dir, "gobgp", gobgpConfig("", ""));
                 BgpSpeaker v4 = InteropSupport.startTabby(lab.center(),
                         tabbyConfig("10.201.1.1", "10.201.1.2", "10.65.1.0/26", ""), RouterFamily.IPV4);
                 BgpSpeaker v6 = InteropSupport.startTabby(lab.center(),
                         tabbyConfig("fd00:201:1::1", "fd00:201:1::2", "fd00:65:1::/122", ""), RouterFamily.IPV6)) {
                await().atMost(WAIT).until(() -> established(v4, "gobgp") && established(v6, "gobgp")
                        && gobgp.established("10.201.1.1") && gobgp.established("fd00:201:1::1"));

                await().atMost(WAIT).until(() -> gobgp.routes(false).contains("10.65.1.0/26")
                        && gobgp.routes(true).contains("fd00:65:1::/122"));

                gobgp.addRoute("10.65.2.0/26", "10.201.1.2");
                gobgp.addRoute("fd00:65:2::/122", "fd00:201:1::2");
                await().atMost(WAIT).until(() -> best(v4, "10.65.2.0/26").isPresent() && best(v6, "fd00:65:2::/122").isPresent());
                Route learned = best(v4, "10.65.2.0/26").orElseThrow();
                assertThat(learned.attributes().get(AsPath.class).orElseThrow().segments().getFirst().asns())
                        .containsExactly(64513L);

                gobgp.deleteRoute("10.65.2.0/26");
                gobgp.deleteRoute("fd00:65:2::/122");
                await().atMost(WAIT).until(() -> best(v4, "10.65.2.0/26").isEmpty() && best(v6, "fd00:65:2::/122").isEmpty());

                v4.withdrawOriginated(Prefixes.parse("10.65.1.0/26"));
                v6.withdrawOriginated(Prefixes.parse("fd00:65:1::/122"));
                await().atMost(WAIT).until(() -> !gobgp.routes(false).contains("10.65.1.0/26")
                        && !gobgp.routes(true).contains("fd00:65:1::/122"));
            }
        }
    }

    @Test
    void md5RightPasswordEstablishesWrongPasswordNever() {
        try (NetnsLab lab = NetnsLab.create(1)) {
            NetnsLab.Link link = lab.link(1);
            String auth = "auth-password = \"calico-s3cret\"";
            try (GobgpPeer gobgp = GobgpPeer.start(link.leafNamespace(), dir, "gobgp", gobgpConfig(auth, auth));
                 BgpSpeaker right = InteropSupport.startTabby(lab.center(),
                         tabbyConfig("10.201.1.1", "10.201.1.2", "10.65.1.0/26", "password \"calico-s3cret\";"),
                         RouterFamily.IPV4);
                 BgpSpeaker wrong = InteropSupport.startTabby(lab.center(),
                         tabbyConfig("fd00:201:1::1", "fd00:201:1::2", "fd00:65:1::/122", "password \"wrong\";"),
                         RouterFamily.IPV6)) {
                await().atMost(WAIT).until(() -> established(right, "gobgp") && gobgp.established("10.201.1.1"));
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                        .until(() -> !wrong.peer("gobgp").orElseThrow().state().openSent()
                                && !gobgp.established("fd00:201:1::1"));
            }
        }
    }

    private static String tabbyConfig(String self, String neighbor, String route, String extra) {
        return """
                router id 10.201.1.1;
                listen bgp address %s;
                protocol static { route %s blackhole; }
                protocol bgp gobgp {
                  local %s as 64512;
                  neighbor %s as 64513;
                  import all;
                  export all;
                  %s
                  %s
                }
                """.formatted(self, route, self, neighbor, TIMERS, extra);
    }

    private static String gobgpConfig(String v4Auth, String v6Auth) {
        return """
                [global.config]
                  as = 64513
                  router-id = "10.201.1.2"
                  local-address-list = ["10.201.1.2", "fd00:201:1::2"]
                [[neighbors]]
                  [neighbors.config]
                    neighbor-address = "10.201.1.1"
                    peer-as = 64512
                    %s
                  [neighbors.timers.config]
                    connect-retry = 1
                    hold-time = 9
                    keepalive-interval = 3
                  [[neighbors.afi-safis]]
                    [neighbors.afi-safis.config]
                      afi-safi-name = "ipv4-unicast"
                [[neighbors]]
                  [neighbors.config]
                    neighbor-address = "fd00:201:1::1"
                    peer-as = 64512
                    %s
                  [neighbors.timers.config]
                    connect-retry = 1
                    hold-time = 9
                    keepalive-interval = 3
                  [[neighbors.afi-safis]]
                    [neighbors.afi-safis.config]
                      afi-safi-name = "ipv6-unicast"
                """.formatted(v4Auth, v6Auth);
    }
}
