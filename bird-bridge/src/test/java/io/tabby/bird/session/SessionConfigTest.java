package io.tabby.bird.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.bird.wire.AfiSafi;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionConfigTest {
    private static SessionConfigBuilder base() {
        return SessionConfig.builder(64512, Peers.LOCAL_ID, Peers.peerAddress(), 64513);
    }

    @Test
    void defaultsAreBirdsOwn() {
        SessionConfig config = base().build();
        assertThat(config.holdTime()).isEqualTo(Duration.ofSeconds(240));
        assertThat(config.keepaliveTime()).isEqualTo(Optional.empty());
        assertThat(config.openHoldTime()).isEqualTo(Duration.ofSeconds(240));
        assertThat(config.connectDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.connectRetry()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.errorWaitMin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.errorWaitMax()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.errorForget()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.passive()).isFalse();
        assertThat(config.families()).containsExactly(AfiSafi.IPV4_UNICAST);
        assertThat(config.gracefulRestart()).isEqualTo(GracefulRestartMode.AWARE);
        assertThat(config.gracefulRestartTime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.staleTime()).isEqualTo(Duration.ofSeconds(360));
        assertThat(config.addPath()).isEqualTo(AddPathMode.OFF);
        assertThat(config.extendedMessage()).isFalse();
        assertThat(config.external()).isTrue();
    }

    @Test
    void holdTimeIsZeroOrAtLeastThreeSeconds() {
        assertThat(base().holdTime(Duration.ZERO).build().holdTime()).isZero();
        assertThat(base().holdTime(Duration.ofSeconds(3)).build().holdTime()).hasSeconds(3);
        assertThatThrownBy(() -> base().holdTime(Duration.ofSeconds(2)).build())
                .hasMessageContaining("hold time 2 s is not allowed");
        assertThatThrownBy(() -> base().holdTime(Duration.ofSeconds(65536)).build()).hasMessageContaining("hold time");
        assertThatThrownBy(() -> base().holdTime(Duration.ofMillis(3500)).build()).hasMessageContaining("whole seconds");
    }

    @Test
    void keepaliveMustStayBelowHold() {
        assertThat(base().holdTime(Duration.ofSeconds(9)).keepaliveTime(Duration.ofSeconds(3)).build().keepaliveTime())
                .contains(Duration.ofSeconds(3));
        assertThatThrownBy(() -> base().holdTime(Duration.ofSeconds(9)).keepaliveTime(Duration.ofSeconds(9)).build())
                .hasMessageContaining("keepalive time 9 s must be less than hold time 9 s");
    }

    @Test
    void identitiesAreChecked() {
        assertThatThrownBy(() -> SessionConfig.builder(0, 1, Peers.peerAddress(), 1).build())
                .hasMessageContaining("local as 0");
        assertThatThrownBy(() -> SessionConfig.builder(1, 1, Peers.peerAddress(), 4_294_967_296L).build())
                .hasMessageContaining("neighbor as 4294967296");
        assertThatThrownBy(() -> SessionConfig.builder(1, 0, Peers.peerAddress(), 1).build())
                .hasMessageContaining("router id 0.0.0.0");
    }

    @Test
    void timersAndFamiliesAreChecked() {
        assertThatThrownBy(() -> base().errorWait(Duration.ofSeconds(30), Duration.ofSeconds(5)).build())
                .hasMessageContaining("error wait time 30,5");
        assertThatThrownBy(() -> base().connectRetry(Duration.ZERO).build()).hasMessageContaining("connect retry time");
        assertThatThrownBy(() -> base().connectDelay(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("connect delay time");
        assertThatThrownBy(() -> base().families(Set.of()).build()).hasMessageContaining("no address family");
        assertThatThrownBy(() -> base().gracefulRestart(GracefulRestartMode.ON, Duration.ofSeconds(4096)).build())
                .hasMessageContaining("graceful restart time");
        assertThat(base().connectDelay(Duration.ZERO).build().connectDelay()).isZero();
    }
}
