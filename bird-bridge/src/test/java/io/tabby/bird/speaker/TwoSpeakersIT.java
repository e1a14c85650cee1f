package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.rib.Route;
import io.tabby.bird.session.SessionState;
import io.tabby.bird.wire.Prefix;
import io.tabby.bird.wire.attr.NextHop;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two Tabby speakers on loopback addresses: sessions, routes both ways, withdrawal, TCP-MD5. */
class TwoSpeakersIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void exchangeRoutesOverEbgpAndPropagateAWithdrawal() throws Exception {
        int portA = TestConfigs.freePort();
        int portB = TestConfigs.freePort();
        try (BgpSpeaker a = start("127.0.0.1", 65001, "127.0.0.2", portB, 65002, "10.10.1.0/24", "", portA);
             BgpSpeaker b = start("127.0.0.2", 65002, "127.0.0.1", portA, 65001, "10.10.2.0/24", "", portB)) {
            await().atMost(WAIT).until(() -> established(a) && established(b));

            Prefix fromB = Prefixes.parse("10.10.2.0/24");
            await().atMost(WAIT).until(() -> best(a, fromB).isPresent());
            Route learned = best(a, fromB).orElseThrow();
            assertThat(learned.attributes().get(NextHop.class)).map(NextHop::toString).isPresent();
            assertThat(a.protocolName(learned.source().id())).contains("peer");

            Prefix extra = Prefixes.parse("10.10.3.0/24");
            a.originate(extra);
            await().atMost(WAIT).until(() -> best(b, extra).isPresent());
            a.withdrawOriginated(extra);
            await().atMost(WAIT).until(() -> best(b, extra).isEmpty());

            assertThat(a.peer("peer").orElseThrow().routesImported()).isEqualTo(1);
            await().atMost(WAIT).until(() -> a.peer("peer").orElseThrow().routesExported() == 1);
        }
    }

    @Test
    void aLargeTableCrossesTheWriteBufferMarkAndArrivesWhole() throws Exception {
        int portA = TestConfigs.freePort();
        int portB = TestConfigs.freePort();
        try (BgpSpeaker a = start("127.0.0.1", 65001, "127.0.0.2", portB, 65002, "10.10.1.0/24", "", portA);
             BgpSpeaker b = start("127.0.0.2", 65002, "127.0.0.1", portA, 65001, "10.10.2.0/24", "", portB)) {
            await().atMost(WAIT).until(() -> established(a) && established(b));
            // 250,000 /32s: about 1.2 MB of UPDATEs, above the 1 MB high-water mark of the channel.
            java.util.List<Prefix> table = new java.util.ArrayList<>();
            for (int i = 0; i < 250_000; i++) {
                table.add(new io.tabby.bird.wire.Ipv4Prefix(0x0b000000 + i, 32));
            }
            a.originate(table);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> b.inspectRib(rib -> rib.prefixCount()).get(5, TimeUnit.SECONDS) == 250_002);
            a.withdrawOriginated(table);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> b.inspectRib(rib -> rib.prefixCount()).get(5, TimeUnit.SECONDS) == 2);
            assertThat(established(a) && established(b)).isTrue();
        }
    }

    @Test
    void md5WithTheSamePasswordEstablishes() {
        int portA = TestConfigs.freePort();
        int portB = TestConfigs.freePort();
        try (BgpSpeaker a = start("127.0.0.1", 65001, "127.0.0.2", portB, 65002, "10.10.1.0/24", "password \"s3cret\";", portA);
             BgpSpeaker b = start("127.0.0.2", 65002, "127.0.0.1", portA, 65001, "10.10.2.0/24", "password \"s3cret\";", portB)) {
            await().atMost(WAIT).until(() -> established(a) && established(b));
        }
    }

    @Test
    void md5WithDifferentPasswordsNeverEstablishes() {
        int portA = TestConfigs.freePort();
        int portB = TestConfigs.freePort();
        try (BgpSpeaker a = start("127.0.0.1", 65001, "127.0.0.2", portB, 65002, "10.10.1.0/24", "password \"one\";", portA);
             BgpSpeaker b = start("127.0.0.2", 65002, "127.0.0.1", portA, 65001, "10.10.2.0/24", "password \"two\";", portB)) {
            // Both sides connect every second; none of the attempts may get past the TCP handshake.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> !a.peer("peer").orElseThrow().state().openSent()
                            && !b.peer("peer").orElseThrow().state().openSent());
            assertThat(a.peer("peer").orElseThrow().state()).isIn(SessionState.CONNECT, SessionState.ACTIVE);
            assertThat(a.peer("peer").orElseThrow().lastError()).contains("Socket: Connection timed out");
        }
    }

    private static BgpSpeaker start(String self, long as, String neighbor, int neighborPort, long neighborAs,
            String route, String extra, int listenPort) {
        BirdConfig config = TestConfigs.parse("""
                router id %s;
                protocol static { route %s blackhole; }
                protocol bgp peer {
                  local %s as %d;
                  neighbor %s port %d as %d;
                  multihop;
                  connect delay time 1; connect retry time 1; error wait time 1,2;
                  hold time 9;
                  import all; export all;
                  %s
                }
                """.formatted(self, route, self, as, neighbor, neighborPort, neighborAs, extra), RouterFamily.IPV4);
        return BgpSpeaker.start(config, SpeakerOptions.defaults().withListen(new InetSocketAddress(self, listenPort)));
    }

    private static boolean established(BgpSpeaker speaker) {
        return speaker.peer("peer").map(PeerStatus::state).orElseThrow() == SessionState.ESTABLISHED;
    }

    private static Optional<Route> best(BgpSpeaker speaker, Prefix prefix) throws Exception {
        return speaker.inspectRib(rib -> rib.bestPath(prefix).map(d -> d.best())).get(5, TimeUnit.SECONDS);
    }
}
