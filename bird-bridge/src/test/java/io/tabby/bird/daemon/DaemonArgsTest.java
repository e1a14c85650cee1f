package io.tabby.bird.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonArgsTest {

    @Test
    void readsBirdsFlags() {
        DaemonArgs args = DaemonArgs.parse(List.of("-R", "-s", "/run/b.ctl", "-d", "-c", "/etc/b.cfg", "-f", "-P", "/run/b.pid"));

        assertThat(args).isEqualTo(new DaemonArgs(Path.of("/etc/b.cfg"), Path.of("/run/b.ctl"), false, true, true,
                Optional.of(Path.of("/run/b.pid")), true, false));
    }

    @Test
    void defaultsAreBirds() {
        DaemonArgs args = DaemonArgs.parse(List.of("-p"));

        assertThat(args.parseOnly()).isTrue();
        assertThat(args.config()).isEqualTo(DaemonArgs.DEFAULT_CONFIG);
        assertThat(args.socket()).isEqualTo(DaemonArgs.DEFAULT_SOCKET);
    }

    @Test
    void missingValueIsNamed() {
        assertThatThrownBy(() -> DaemonArgs.parse(List.of("-c"))).hasMessageContaining("option -c needs a value");
    }
}
