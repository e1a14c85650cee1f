package io.tabby.bird.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.session.AddPathMode;
import io.tabby.bird.session.GracefulRestartMode;
import io.tabby.bird.session.SessionConfig;
import io.tabby.bird.wire.AfiSafi;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionConfigsTest {

    @Test
    void calicoTemplateOptionsMapOntoTheSession() {
        BgpProtocol protocol = TestConfigs.parse("""
                router id 10.0.0.1;
                template bgp bgp_template {
                  local as 64512; multihop; gateway recursive; import all; export all;
                  source address 10.0.0.1; add paths on; graceful restart;
                  connect delay time 2; connect retry time 5; error wait time 5,30;
                }
                protocol bgp Mesh_10_0_0_2 from bgp_template { neighbor 10.0.0.2 as 64512; passive on;
                  hold time 30; keepalive time 7; }
                """, RouterFamily.IPV4).bgpProtocols().getFirst();

        SessionConfig config = SessionConfigs.of(protocol, SessionConfigs.ipv4(java.net.InetAddress.ofLiteral("10.0.0.1")));

        assertThat(config.localAs()).isEqualTo(64512);
        assertThat(config.routerId()).isEqualTo(0x0a000001);
        assertThat(config.connectDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.connectRetry()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.errorWaitMin()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.errorWaitMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.holdTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.keepaliveTime()).isEqualTo(Optional.of(Duration.ofSeconds(7)));
        assertThat(config.passive()).isTrue();
        assertThat(config.addPath()).isEqualTo(AddPathMode.BOTH);
        assertThat(config.gracefulRestart()).isEqualTo(GracefulRestartMode.ON);
        assertThat(config.families()).isEqualTo(Set.of(AfiSafi.IPV4_UNICAST));
    }

    @Test
    void bird6SessionsCarryIpv6AndDefaultToGracefulRestartAware() {
        BgpProtocol protocol = TestConfigs.parse("""
                router id 10.0.0.1;
                protocol bgp Mesh_fd00__2 { local as 64512; neighbor fd00::2 as 64512; }
                """, RouterFamily.IPV6).bgpProtocols().getFirst();

        SessionConfig config = SessionConfigs.of(protocol, 0x0a000001);

        assertThat(config.families()).isEqualTo(Set.of(AfiSafi.IPV6_UNICAST));
        assertThat(config.gracefulRestart()).isEqualTo(GracefulRestartMode.AWARE);
        assertThat(config.connectDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void gracefulRestartOffAndAwareAreKeptApart() {
        BgpProtocol off = TestConfigs.parse("""
                router id 10.0.0.1;
                protocol bgp Off { local as 64512; neighbor 10.0.0.2 as 64512; graceful restart off; }
                """, RouterFamily.IPV4).bgpProtocols().getFirst();
        BgpProtocol aware = TestConfigs.parse("""
                router id 10.0.0.1;
                protocol bgp Aware { local as 64512; neighbor 10.0.0.2 as 64512; graceful restart aware; }
                """, RouterFamily.IPV4).bgpProtocols().getFirst();

        // 'off' must not keep a dropped peer's routes as stale, as BIRD's receiving role does by default
        assertThat(SessionConfigs.of(off, 0x0a000001).gracefulRestart()).isEqualTo(GracefulRestartMode.OFF);
        assertThat(SessionConfigs.of(aware, 0x0a000001).gracefulRestart()).isEqualTo(GracefulRestartMode.AWARE);
    }

    @Test
    void anInvalidValueNamesTheProtocol() {
        BgpProtocol protocol = TestConfigs.parse("""
                router id 10.0.0.1;
                protocol bgp peer1 { local as 64512; neighbor 10.0.0.2 as 64512; hold time 10; keepalive time 20; }
                """, RouterFamily.IPV4).bgpProtocols().getFirst();

        assertThatThrownBy(() -> SessionConfigs.of(protocol, 0x0a000001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("protocol peer1")
                .hasMessageContaining("keepalive time 20 s must be less than hold time 10 s");
    }
}
