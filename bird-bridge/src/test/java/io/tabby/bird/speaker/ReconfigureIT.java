package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.wire.Prefix;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code configure} semantics on a live session between two Tabby speakers on loopback. */
class ReconfigureIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String A_TEMPLATE = """
            router id 127.0.0.1;
            protocol static { %s }
            protocol bgp peer {
              local 127.0.0.1 as 65001;
              neighbor 127.0.0.2 port %d as 65002;
              multihop;
              connect delay time 1; connect retry time 1; error wait time 1,2;
              hold time %d;
              import all; export %s;
            }
            """;

    @Test
    void unchangedSessionsStayUpExportChangesReloadOptionChangesRestart() throws Exception {
        int portA = TestConfigs.freePort();
        int portB = TestConfigs.freePort();
        String statics = "route 10.20.1.0/24 blackhole;";
        try (BgpSpeaker a = BgpSpeaker.start(configA(statics, portB, 9, "all"),
                     SpeakerOptions.defaults().withListen(new InetSocketAddress("127.0.0.1", portA)));
             BgpSpeaker b = BgpSpeaker.start(configB(portA, "all"),
                     SpeakerOptions.defaults().withListen(new InetSocketAddress("127.0.0.2", portB)))) {
            await().atMost(WAIT).until(() -> has(b, "10.20.1.0/24"));
            Instant up = a.peer("peer").orElseThrow().since();

            Reconfiguration same = a.reconfigure(configA("# moved\n  " + statics + " route 10.20.2.0/24 blackhole;",
                    portB, 9, "all"));
            assertThat(same.unchanged()).containsExactly("peer");
            await().atMost(WAIT).until(() -> has(b, "10.20.2.0/24"));

            Reconfiguration exportNone = a.reconfigure(configA(statics, portB, 9, "none"));
            assertThat(exportNone.reloaded()).containsExactly("peer");
            await().atMost(WAIT).until(() -> !has(b, "10.20.1.0/24") && !has(b, "10.20.2.0/24"));
            assertThat(a.peer("peer").orElseThrow().since()).isEqualTo(up);
            assertThat(a.peer("peer").orElseThrow().established()).isTrue();

            a.reconfigure(configA(statics, portB, 9, "all"));
            await().atMost(WAIT).until(() -> has(b, "10.20.1.0/24"));
            Instant bUp = b.peer("peer").orElseThrow().since();
            assertThat(b.reconfigure(configB(portA, "none")).reloaded()).containsExactly("peer");
            await().atMost(WAIT).until(() -> !has(b, "10.20.1.0/24"));
            assertThat(b.reconfigure(configB(portA, "all")).reloaded()).containsExactly("peer");
            await().atMost(WAIT).until(() -> has(b, "10.20.1.0/24"));
            assertThat(b.peer("peer").orElseThrow().since()).isEqualTo(bUp);
            assertThat(b.peer("peer").orElseThrow().established()).isTrue();

            Reconfiguration holdChanged = a.reconfigure(configA(statics, portB, 12, "all"));
            assertThat(holdChanged.restarted()).containsExactly("peer");
            await().atMost(WAIT).until(() -> a.peer("peer").orElseThrow().established() && has(b, "10.20.1.0/24"));
            assertThat(a.peer("peer").orElseThrow().since()).isAfter(up);

            assertThatThrownBy(() -> a.reconfigure(TestConfigs.parse(
                    "router id 127.0.0.9;\n" + A_TEMPLATE.formatted(statics, portB, 9, "all").lines().skip(1)
                            .reduce("", (x, y) -> x + y + "\n"), RouterFamily.IPV4)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("router id");

            Instant beforeRestart = a.peer("peer").orElseThrow().since();
            assertThat(a.restart("peer")).isTrue();
            await().atMost(WAIT).until(() -> a.peer("peer").orElseThrow().established()
                    && a.peer("peer").orElseThrow().since().isAfter(beforeRestart));
            assertThat(a.restart("nonesuch")).isFalse();

            Reconfiguration gone = a.reconfigure(TestConfigs.parse("router id 127.0.0.1;\n", RouterFamily.IPV4));
            assertThat(gone.removed()).containsExactly("peer");
            assertThat(a.peers()).isEmpty();
            await().atMost(WAIT).until(() -> !b.peer("peer").orElseThrow().established());
            assertThat(List.of(has(b, "10.20.1.0/24"))).containsExactly(false);
        }
    }

    private static io.tabby.bird.config.BirdConfig configA(String statics, int portB, int hold, String export) {
        return TestConfigs.parse(A_TEMPLATE.formatted(statics, portB, hold, export), RouterFamily.IPV4);
    }

    private static io.tabby.bird.config.BirdConfig configB(int portA, String importPolicy) {
        return TestConfigs.parse("""
                router id 127.0.0.2;
                protocol bgp peer { local 127.0.0.2 as 65002; neighbor 127.0.0.1 port %d as 65001; multihop;
                  connect delay time 1; connect retry time 1; error wait time 1,2; hold time 9;
                  import %s; export all; }
                """.formatted(portA, importPolicy), RouterFamily.IPV4);
    }

    private static boolean has(BgpSpeaker speaker, String prefix) throws Exception {
        Prefix p = Prefixes.parse(prefix);
        return speaker.inspectRib(rib -> rib.bestPath(p).isPresent()).get(5, TimeUnit.SECONDS);
    }
}
