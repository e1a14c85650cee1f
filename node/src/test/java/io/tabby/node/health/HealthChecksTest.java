package io.tabby.node.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabby.datastore.testing.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    private final ManualClock clock = new ManualClock();
    private final HealthChecks checks = new HealthChecks();

    @Test
    void componentsStartNotReadyAndEachSaysWhy() {
        ComponentHealth syncer = checks.component("syncer", clock);
        ComponentHealth felix = checks.component("felix", clock);
        syncer.ready();
        felix.notReady("waiting for the first apply");

        HealthReport ready = checks.readiness();
        assertThat(ready.passing()).isFalse();
        assertThat(ready.text()).isEqualTo("""
                not ready
                syncer: ok
                felix: waiting for the first apply
                """);
        assertThat(checks.liveness().text()).isEqualTo("""
                live
                syncer: ok
                felix: ok
                """);

        felix.ready();
        assertThat(checks.readiness().passing()).isTrue();
        assertThat(checks.readiness().text()).startsWith("ready\n");
    }

    @Test
    void deadComponentFailsBothProbes() {
        ComponentHealth syncer = checks.component("syncer", clock);
        syncer.ready();
        syncer.dead("etcd watch ended: permission denied");

        assertThat(checks.liveness().passing()).isFalse();
        assertThat(checks.liveness().text()).isEqualTo("not live\nsyncer: etcd watch ended: permission denied\n");
        assertThat(checks.readiness().text()).isEqualTo("not ready\nsyncer: etcd watch ended: permission denied\n");
    }

    @Test
    void staleHeartbeatFailsLiveness() {
        ComponentHealth watch = new ComponentHealth("syncer", clock, Optional.of(Duration.ofSeconds(30)));
        checks.register(watch);
        watch.ready();
        clock.advance(Duration.ofSeconds(30));
        assertThat(checks.liveness().passing()).isTrue();

        clock.advance(Duration.ofSeconds(15));
        assertThat(checks.liveness().text()).isEqualTo("not live\nsyncer: no progress for 45s (limit 30s)\n");

        watch.beat();
        assertThat(checks.liveness().passing()).isTrue();
    }

    @Test
    void throwingCheckAndEmptyRegistryAreNotReady() {
        assertThat(checks.readiness().passing()).isFalse();
        assertThat(checks.readiness().text()).isEqualTo("not ready\nno components registered\n");

        checks.register(new HealthCheck() {
            @Override
            public String name() {
                return "bird";
            }

            @Override
            public Verdict liveness() {
                return Verdict.pass();
            }

            @Override
            public Verdict readiness() {
                throw new IllegalStateException("speaker closed");
            }
        });
        assertThat(checks.readiness().text()).isEqualTo("not ready\nbird: check failed: speaker closed\n");
        assertThatThrownBy(() -> checks.component("bird", clock)).hasMessageContaining("registered twice");
    }

    @Test
    void settingsComeFromTheEnvironmentWithCalicoDefaults() {
        assertThat(HealthSettings.fromEnv(java.util.Map.of())).isEqualTo(new HealthSettings(true, "localhost", 9099));
        assertThat(HealthSettings.fromEnv(java.util.Map.of("TABBY_HEALTH_PORT", "19099", "TABBY_HEALTH_HOST",
                "0.0.0.0", "TABBY_HEALTH_ENABLED", "false"))).isEqualTo(new HealthSettings(false, "0.0.0.0", 19099));
        assertThatThrownBy(() -> HealthSettings.fromEnv(java.util.Map.of("TABBY_HEALTH_PORT", "nine")))
                .hasMessageContaining("TABBY_HEALTH_PORT='nine'");
        assertThatThrownBy(() -> Verdict.fail(" ")).hasMessageContaining("must say why");
    }
}
