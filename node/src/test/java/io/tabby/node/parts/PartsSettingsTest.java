package io.tabby.node.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartsSettingsTest {
    private static final Map<String, String> ETCD = Map.of("ETCD_ENDPOINTS", "http://10.0.0.1:2379");

    @Test
    void byDefaultEveryPartRunsOnCalicosPaths() {
        PartsSettings settings = PartsSettings.parse(ETCD, "node-a");

        assertThat(settings.networking()).isEqualTo(NetworkingBackend.BIRD);
        assertThat(settings.runsBgp()).isTrue();
        assertThat(settings.runsFelix()).isTrue();
        assertThat(settings.confdDir()).isEqualTo(Path.of("/etc/calico/confd"));
        assertThat(settings.birdConfig()).isEqualTo(Path.of("/etc/calico/confd/config/bird.cfg"));
        assertThat(settings.birdSocket()).isEqualTo(Path.of("/var/run/calico/bird.ctl"));
        assertThat(settings.bird6Config()).isEqualTo(Path.of("/etc/calico/confd/config/bird6.cfg"));
        assertThat(settings.bird6Socket()).isEqualTo(Path.of("/var/run/calico/bird6.ctl"));
    }

    @Test
    void felixRunsForTheNodesNameWhateverItsOwnVariablesSay() {
        PartsSettings settings = PartsSettings.parse(Map.of("ETCD_ENDPOINTS", "http://10.0.0.1:2379",
                "FELIX_FELIXHOSTNAME", "other", "NODENAME", "other", "FELIX_DEFAULTENDPOINTTOHOSTACTION", "accept"),
                "node-a");

        assertThat(settings.felix().orElseThrow().nodeName()).isEqualTo("node-a");
        assertThat(settings.felix().orElseThrow().rules().endpointToHostAction()).isEqualTo("ACCEPT");
        assertThat(settings.felix().orElseThrow().etcd().endpoints()).containsExactly("http://10.0.0.1:2379");
    }

    @Test
    void hostsRunningThePartsSeparatelyTurnThemOff() {
        PartsSettings settings = PartsSettings.parse(Map.of("CALICO_NETWORKING_BACKEND", "none",
                "TABBY_DISABLE_FELIX", "true"), "node-a");

        assertThat(settings.runsBgp()).isFalse();
        assertThat(settings.runsFelix()).isFalse();
    }

    @Test
    void vxlanRunsFelixWithoutBgp() {
        PartsSettings settings = PartsSettings.parse(Map.of("CALICO_NETWORKING_BACKEND", "VXLAN"), "node-a");

        assertThat(settings.networking()).isEqualTo(NetworkingBackend.VXLAN);
        assertThat(settings.runsBgp()).isFalse();
        assertThat(settings.runsFelix()).isTrue();
    }

    @Test
    void pathsComeFromTheEnvironment() {
        PartsSettings settings = PartsSettings.parse(Map.of("TABBY_CONFD_DIR", "/n1/confd",
                "TABBY_BIRD_CONFIG", "/n1/config/bird.cfg", "TABBY_BIRD_SOCKET", " /n1/bird.ctl ",
                "TABBY_BIRD6_CONFIG", "/n1/config/bird6.cfg", "TABBY_BIRD6_SOCKET", "/n1/bird6.ctl",
                "TABBY_DISABLE_FELIX", "false"), "node-a");

        assertThat(settings.confdDir()).isEqualTo(Path.of("/n1/confd"));
        assertThat(settings.birdConfig()).isEqualTo(Path.of("/n1/config/bird.cfg"));
        assertThat(settings.birdSocket()).isEqualTo(Path.of("/n1/bird.ctl"));
        assertThat(settings.bird6Config()).isEqualTo(Path.of("/n1/config/bird6.cfg"));
        assertThat(settings.bird6Socket()).isEqualTo(Path.of("/n1/bird6.ctl"));
        assertThat(settings.runsFelix()).isTrue();
    }

    @Test
    void wrongValuesNameTheVariableAndTheChoices() {
        assertThatThrownBy(() -> PartsSettings.parse(Map.of("CALICO_NETWORKING_BACKEND", "gobgp"), "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CALICO_NETWORKING_BACKEND is 'gobgp'").hasMessageContaining("bird")
                .hasMessageContaining("vxlan").hasMessageContaining("none");
        assertThatThrownBy(() -> PartsSettings.parse(Map.of("TABBY_DISABLE_FELIX", "maybe"), "n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TABBY_DISABLE_FELIX is 'maybe'").hasMessageContaining("true");
        assertThatThrownBy(() -> PartsSettings.parse(Map.of("FELIX_IPTABLESBACKEND", "ebpf"), "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FELIX_IPTABLESBACKEND");
    }
}
